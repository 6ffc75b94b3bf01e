import "server-only";
import { db } from "@/lib/db";
import { getResponsesToShow } from "@/lib/outcomes/data";
import { consentTexts } from "@/lib/privacy/consent";
import { getAnswersToShow } from "@/lib/questions/data";
import { isChoiceType } from "@/lib/questions/schema";

/**
 * Everything Kattoo stores about the person behind one registration, for a
 * request under the personal-data law: the registration, the consent they
 * gave in its words, their answers to the event's questions (archived ones
 * too) with the questions' labels, their own answers to the tests and named
 * surveys, their travel and rooms, their attendance, the letters written to
 * them and the audit log's entries about them. Secrets (the management token's hash) and
 * the derived search column are left out.
 */
export async function getParticipantData({ registrationId }: { registrationId: string }) {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    omit: { manageTokenHash: true, searchText: true },
    include: {
      event: { select: { slug: true, title: true } },
      travel: { omit: { registrationId: true, eventId: true } },
      roomNights: {
        orderBy: { night: "asc" },
        select: { night: true, room: { select: { name: true, hotel: { select: { name: true } } } } },
      },
      attendance: {
        select: { markedAt: true, eventDay: { select: { date: true } } },
        orderBy: { markedAt: "asc" },
      },
      outbox: {
        orderBy: { createdAt: "asc" },
        omit: { claimedBy: true, claimedAt: true, dedupeKey: true },
      },
    },
  });
  if (!registration) return null;
  const [answers, responses, mailbox, audit] = await Promise.all([
    getAnswersToShow({ registrationId }),
    getResponsesToShow({ registrationId }),
    db.mailboxMessage.findMany({
      where: { outboxMessageId: { in: registration.outbox.map((letter) => letter.id) } },
      orderBy: { createdAt: "asc" },
      select: { outboxMessageId: true, toAddress: true, subject: true, text: true, createdAt: true },
    }),
    db.auditLog.findMany({
      where: { entityType: "registration", entityId: registrationId },
      orderBy: { at: "asc" },
      select: { at: true, action: true, actorType: true, data: true },
    }),
  ]);
  const { outbox, attendance, travel, roomNights, ...details } = registration;
  return {
    registration: details,
    consentText: consentTexts[registration.consentVersion] ?? null,
    // As given: a text, a number, a day, yes (true) or no, or the options chosen by their labels.
    answers: answers.map(({ question, row, archived }) => ({
      question: question.label,
      archived,
      answer: isChoiceType(question.type)
        ? question.options.filter((option) => row.optionIds.includes(option.id)).map((option) => option.label)
        : (row.textValue ?? row.numberValue ?? row.dateValue ?? row.booleanValue),
    })),
    /** Their own answers to the event's tests and named surveys. */
    responses,
    travel,
    rooms: roomNights.map((each) => ({
      night: each.night.toISOString().slice(0, 10),
      hotel: each.room.hotel.name,
      room: each.room.name,
    })),
    attendance: attendance.map((mark) => ({
      date: mark.eventDay.date.toISOString().slice(0, 10),
      markedAt: mark.markedAt,
    })),
    letters: outbox,
    mailbox,
    audit,
  };
}
