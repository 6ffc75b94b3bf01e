import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { ParticipantCategory } from "@/lib/generated/prisma/enums";
import {
  type RegistrationFormValues,
  type RegistrationInput,
  registrationSchema,
} from "@/lib/registrations/schema";

// Each test makes its own data, with unique slugs and emails, so tests run in
// any order and in parallel.

export const DEMO_QUOTAS = { GOVERNMENT: 15, LOCAL_GOVERNMENT: 12, CIVIL_SOCIETY: 10, OTHER: 3 } as const;

export async function createTestEvent({
  capacity = 40,
  quotas = DEMO_QUOTAS,
  requiresApproval = false,
  status = "PUBLISHED",
  registrationClosesAt = new Date(Date.now() + 7 * 86_400_000),
  days = 1,
  firstDayStartsAt,
}: {
  capacity?: number;
  quotas?: Partial<Record<ParticipantCategory, number>>;
  requiresApproval?: boolean;
  status?: "DRAFT" | "PUBLISHED" | "CLOSED" | "ARCHIVED";
  registrationClosesAt?: Date;
  /** Consecutive days, each eight hours long. */
  days?: number;
  /** Two weeks ahead, on the hour, as real events are, unless a test needs a day that has begun. */
  firstDayStartsAt?: Date;
} = {}) {
  const hour = 3_600_000;
  const start = firstDayStartsAt ?? new Date(Math.floor((Date.now() + 14 * 86_400_000) / hour) * hour);
  return db.event.create({
    data: {
      slug: `test-${randomUUID().slice(0, 12)}`,
      status,
      title: { ru: "Тестовый семинар", ky: "Сыноо семинары", en: "Test seminar" },
      summary: { ru: "Семинар для тестов" },
      description: { ru: "Описание" },
      audience: { ru: "Все" },
      venueName: { ru: "Чолпон-Ата" },
      venueAddress: { ru: "Иссык-Кульская область" },
      capacity,
      requiresApproval,
      registrationClosesAt,
      days: {
        create: Array.from({ length: days }, (_, index) => {
          const startsAt = new Date(start.getTime() + index * 86_400_000);
          return {
            date: new Date(startsAt.toISOString().slice(0, 10)),
            startsAt,
            endsAt: new Date(startsAt.getTime() + 8 * 3_600_000),
          };
        }),
      },
      quotas: {
        create: Object.entries(quotas).map(([category, seats]) => ({
          category: category as ParticipantCategory,
          seats,
        })),
      },
    },
  });
}

/** An hour ago: the first day of an event made with it has begun (and its first day has not ended). */
export const beganAnHourAgo = () => new Date(Date.now() - 3_600_000);

/**
 * Moves an event's days back so that its last day ended an hour ago: the
 * registrations were made while it was ahead, the certificates come after.
 */
export async function endEvent(eventId: string) {
  const days = await db.eventDay.findMany({ where: { eventId }, orderBy: { startsAt: "asc" } });
  const last = days.at(-1);
  if (!last) throw new Error("the event has no days");
  const shift = last.endsAt.getTime() - (Date.now() - 3_600_000);
  for (const day of days) {
    const startsAt = new Date(day.startsAt.getTime() - shift);
    await db.eventDay.update({
      where: { id: day.id },
      data: {
        date: new Date(startsAt.toISOString().slice(0, 10)),
        startsAt,
        endsAt: new Date(day.endsAt.getTime() - shift),
      },
    });
  }
}

export function registrationInput(overrides: Partial<RegistrationFormValues> = {}): RegistrationInput {
  return registrationSchema.parse({
    lastName: "Асанова",
    firstName: "Айгүл",
    patronymic: "Бакытовна",
    organization: "Айыл өкмөтү",
    position: "Специалист",
    category: "LOCAL_GOVERNMENT",
    region: "NARYN",
    email: `${randomUUID()}@example.test`,
    phone: "+996 555 123 456",
    gender: "FEMALE",
    needsAccommodation: true,
    consent: true,
    ...overrides,
  });
}
