import "server-only";
import { randomUUID } from "node:crypto";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { lockEventRow } from "@/lib/events/lock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QuestionOwner } from "@/lib/questions/data";
import type { AnswerRow } from "@/lib/questions/rules";
import {
  type FormFieldsEdit,
  isChoiceType,
  type QuestionInput,
  type QuestionsEdit,
  type QuestionText,
} from "@/lib/questions/schema";

// Writes of questions and answers. Answers are written inside the
// registration's own transaction, under the event's lock
// (lib/registrations/mutations.ts): these functions take its client.

type Tx = Prisma.TransactionClient;

/** A registration's answers, with the options of its choices, in one statement. */
async function insertAnswers(
  tx: Tx,
  { registrationId, rows }: { registrationId: string; rows: AnswerRow[] },
) {
  if (rows.length === 0) return;
  // The one home of the answers' storage: the function the one-statement
  // registration calls too (prisma/migrations/…_registration_in_one_statement).
  await tx.$executeRaw`SELECT insert_answers(${registrationId}::uuid, ${JSON.stringify(rows)}::json)`;
}

/** A registration's answers to `questionIds` replaced by an edit's. */
export async function replaceAnswers(
  tx: Tx,
  { registrationId, questionIds, rows }: { registrationId: string; questionIds: string[]; rows: AnswerRow[] },
) {
  await tx.registrationAnswer.deleteMany({ where: { registrationId, questionId: { in: questionIds } } });
  await insertAnswers(tx, { registrationId, rows });
}

/** What a save of the event's form page (its questions, its built-in fields) comes to. */
export type SaveFormResult =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> };

/** A localized text without its empty translations; null when nothing is written. */
function stored(text: { ru?: string; ky?: string; en?: string }): QuestionText | null {
  const entries = Object.entries(text).filter(([, value]) => value);
  return entries.length > 0 && text.ru ? (Object.fromEntries(entries) as QuestionText) : null;
}

const day = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** A question's columns; a test's points and correct options only for an instrument's question. */
function columns(question: QuestionInput, position: number, { scored }: { scored: boolean }) {
  const scale = question.type === "SCALE";
  return {
    position,
    type: question.type,
    required: question.required,
    label: stored(question.label) ?? { ru: question.label.ru },
    help: stored(question.help) ?? Prisma.DbNull,
    minNumber: question.type === "NUMBER" ? (question.minNumber ?? null) : null,
    maxNumber: question.type === "NUMBER" ? (question.maxNumber ?? null) : null,
    minDate: question.type === "DATE" ? day(question.minDate) : null,
    maxDate: question.type === "DATE" ? day(question.maxDate) : null,
    conditionQuestionId: question.conditionQuestionId || null,
    conditionValues: question.conditionQuestionId ? question.conditionValues : [],
    points: scored && isChoiceType(question.type) ? (question.points ?? null) : null,
    scaleLow: (scale && stored(question.scaleLow)) || Prisma.DbNull,
    scaleHigh: (scale && stored(question.scaleHigh)) || Prisma.DbNull,
    archivedAt: null,
  };
}

/**
 * The questions of an event's registration form, or of one of its
 * instruments (`instrumentId`: docs/decisions/032-outcome-instruments.md), as
 * the editor saves them, in their order. A question or an option someone
 * answered keeps its type and cannot be deleted: a question left out is
 * archived (its answers stay), an answered option left out is refused. Runs
 * under the event's lock, so no registration counts an option's places while
 * its limit changes. A form's options have places; an instrument's have
 * points and correct options instead.
 */
export async function saveQuestions({
  eventId,
  instrumentId,
  input,
  actor,
  now = new Date(),
}: {
  eventId: string;
  instrumentId?: string;
  input: QuestionsEdit;
  actor: Actor;
  now?: Date;
}): Promise<SaveFormResult> {
  const owner = instrumentId ? { instrumentId } : { eventId };
  const scored = instrumentId !== undefined;
  return db.$transaction(async (tx) => {
    if (!(await lockEventRow(tx, eventId))) return { ok: false, reason: "not_found" } as const;
    if (instrumentId && !(await tx.instrument.count({ where: { id: instrumentId, eventId } }))) {
      return { ok: false, reason: "not_found" } as const;
    }
    const existing = await tx.question.findMany({
      where: owner,
      include: {
        options: { include: { _count: { select: { chosenBy: true, chosenIn: true } } } },
        _count: { select: { answers: true, instrumentAnswers: true } },
      },
    });
    const answered = (question: (typeof existing)[number]) =>
      question._count.answers + question._count.instrumentAnswers;
    const before = new Map(existing.map((question) => [question.id, question]));
    const optionOwner = new Map(
      existing.flatMap((question) => question.options.map((option) => [option.id, question.id])),
    );

    // The editor makes the ids of new questions and options; one that names
    // another event's row, or moves an option to another question, is refused.
    const newIds = input.questions.flatMap((question) => [
      ...(before.has(question.id) ? [] : [question.id]),
      ...question.options.filter((option) => !optionOwner.has(option.id)).map((option) => option.id),
    ]);
    const taken =
      newIds.length === 0
        ? 0
        : (await tx.question.count({ where: { id: { in: newIds } } })) +
          (await tx.questionOption.count({ where: { id: { in: newIds } } }));
    const fieldErrors: Record<string, string> = {};
    if (taken > 0) fieldErrors.form = "duplicate";
    input.questions.forEach((question, index) => {
      const previous = before.get(question.id);
      if (!previous) return;
      if (answered(previous) > 0 && previous.type !== question.type) {
        fieldErrors[`questions.${index}.type`] = "typeLocked";
      }
      const kept = new Set(question.options.map((option) => option.id));
      if (
        previous.options.some(
          (option) => option._count.chosenBy + option._count.chosenIn > 0 && !kept.has(option.id),
        )
      ) {
        fieldErrors[`questions.${index}.options`] = "optionAnswered";
      }
      question.options.forEach((option, optionIndex) => {
        const owner = optionOwner.get(option.id);
        if (owner && owner !== question.id)
          fieldErrors[`questions.${index}.options.${optionIndex}.id`] = "duplicate";
      });
    });
    if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: "invalid", fieldErrors } as const;

    const listed = new Set(input.questions.map((question) => question.id));
    const left = existing.filter((question) => !listed.has(question.id) && question.archivedAt === null);
    const archived = left.filter((question) => answered(question) > 0).map((question) => question.id);
    const deleted = left.filter((question) => answered(question) === 0).map((question) => question.id);
    if (archived.length > 0) {
      await tx.question.updateMany({ where: { id: { in: archived } }, data: { archivedAt: now } });
    }
    if (deleted.length > 0) {
      // An archived question may still name a deleted one in its condition.
      await tx.question.updateMany({
        where: { conditionQuestionId: { in: deleted } },
        data: { conditionQuestionId: null, conditionValues: [] },
      });
      await tx.question.deleteMany({ where: { id: { in: deleted } } });
    }
    // In order: a condition names an earlier question, which then exists already.
    for (const [position, question] of input.questions.entries()) {
      const data = columns(question, position, { scored });
      if (before.has(question.id)) await tx.question.update({ where: { id: question.id }, data });
      else await tx.question.create({ data: { id: question.id, ...owner, ...data } });
      const options =
        question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE" ? question.options : [];
      await tx.questionOption.deleteMany({
        where: { questionId: question.id, id: { notIn: options.map((option) => option.id) } },
      });
      for (const [optionPosition, option] of options.entries()) {
        const optionData = {
          position: optionPosition,
          label: stored(option.label) ?? { ru: option.label.ru },
          places: scored ? null : (option.places ?? null),
          correct: scored && option.correct,
        };
        await tx.questionOption.upsert({
          where: { id: option.id },
          create: { id: option.id, questionId: question.id, ...optionData },
          update: optionData,
        });
      }
    }
    await recordAudit(tx, {
      actor,
      action: instrumentId ? "event.instrument_questions_saved" : "event.questions_saved",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { questions: input.questions.length, archived: archived.length, deleted: deleted.length },
    });
    return { ok: true } as const;
  });
}

/**
 * The questions (not archived) of an event's form or of an instrument copied
 * to another, with their options, limits, conditions, points and correct
 * options, under new ids; no answers. Conditions name earlier questions, so
 * creating in order meets each one's foreign key. Returns the new id of each
 * copied question and option.
 */
export async function copyQuestions(
  tx: Tx,
  { from, to }: { from: QuestionOwner; to: QuestionOwner },
): Promise<Map<string, string>> {
  const questions = await tx.question.findMany({
    where: { ...from, archivedAt: null },
    include: { options: { orderBy: { position: "asc" } } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const newId = new Map(
    questions.flatMap((question) => [
      [question.id, randomUUID()],
      ...question.options.map((option) => [option.id, randomUUID()] as const),
    ]),
  );
  const json = (value: Prisma.JsonValue) => (value as Prisma.InputJsonValue | null) ?? Prisma.DbNull;
  for (const [position, question] of questions.entries()) {
    await tx.question.create({
      data: {
        id: newId.get(question.id),
        ...to,
        position,
        type: question.type,
        required: question.required,
        label: question.label as Prisma.InputJsonValue,
        help: json(question.help),
        minNumber: question.minNumber,
        maxNumber: question.maxNumber,
        minDate: question.minDate,
        maxDate: question.maxDate,
        points: question.points,
        scaleLow: json(question.scaleLow),
        scaleHigh: json(question.scaleHigh),
        conditionQuestionId: question.conditionQuestionId && newId.get(question.conditionQuestionId),
        // Option ids are renewed; "yes"/"no" stay as they are.
        conditionValues: question.conditionValues.map((value) => newId.get(value) ?? value),
        options: {
          create: question.options.map((option) => ({
            id: newId.get(option.id),
            position: option.position,
            label: option.label as Prisma.InputJsonValue,
            places: option.places,
            correct: option.correct,
          })),
        },
      },
    });
  }
  return newId;
}

/** An event's regions given to another event (a new one: none of its registrations name them). */
export async function copyRegions(tx: Tx, { from, to }: { from: string; to: string }) {
  const regions = await tx.eventRegion.findMany({ where: { eventId: from } });
  await tx.eventRegion.deleteMany({ where: { eventId: to } });
  await tx.eventRegion.createMany({
    data: regions.map(({ code, position, label }) => ({
      eventId: to,
      code,
      position,
      label: label as Prisma.InputJsonValue,
    })),
  });
}

/** An organizer's reworded label: null when its Russian is left empty (the standard wording). */
function rewording(text: { ru?: string; ky?: string; en?: string }) {
  return stored(text) ?? Prisma.DbNull;
}

/**
 * How an event's form asks its built-in fields, and its regions in their
 * order (docs/decisions/021-built-in-fields.md). A region keeps its code; a
 * new one gets the next free `REGION_<n>`; a region someone chose cannot be
 * removed (the foreign key says so too). Under the event's lock, as a
 * registration checks its region under it.
 */
export async function saveFormFields({
  eventId,
  input,
  actor,
}: {
  eventId: string;
  input: FormFieldsEdit;
  actor: Actor;
}): Promise<SaveFormResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockEventRow(tx, eventId))) return { ok: false, reason: "not_found" } as const;
    const existing = await tx.eventRegion.findMany({
      where: { eventId },
      select: { code: true, _count: { select: { registrations: true } } },
    });
    const known = new Set(existing.map((region) => region.code));
    const kept = new Set(input.regions.map((region) => region.code).filter(Boolean));
    const fieldErrors: Record<string, string> = {};
    input.regions.forEach((region, index) => {
      if (region.code && !known.has(region.code)) fieldErrors[`regions.${index}.code`] = "duplicate";
    });
    if (existing.some((region) => region._count.registrations > 0 && !kept.has(region.code))) {
      fieldErrors.regions = "regionChosen";
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: "invalid", fieldErrors } as const;

    let next = Math.max(0, ...[...known].map((code) => Number(/^REGION_(\d+)$/.exec(code)?.[1] ?? 0))) + 1;
    const codes = input.regions.map((region) => region.code || `REGION_${next++}`);
    await tx.eventRegion.deleteMany({ where: { eventId, code: { notIn: codes } } });
    for (const [position, region] of input.regions.entries()) {
      const code = codes[position] as string;
      const data = { position, label: stored(region.label) ?? { ru: region.label.ru } };
      await tx.eventRegion.upsert({
        where: { eventId_code: { eventId, code } },
        create: { eventId, code, ...data },
        update: data,
      });
    }
    await tx.event.update({
      where: { id: eventId },
      data: {
        patronymicField: input.patronymic,
        positionField: input.position,
        phoneField: input.phone,
        needsField: input.needs,
        sectorLabel: rewording(input.sectorLabel),
        genderLabel: rewording(input.genderLabel),
      },
    });
    await recordAudit(tx, {
      actor,
      action: "event.form_fields_saved",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: {
        patronymic: input.patronymic,
        position: input.position,
        phone: input.phone,
        needs: input.needs,
        regions: codes.length,
      },
    });
    return { ok: true } as const;
  });
}
