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
}: {
  capacity?: number;
  quotas?: Partial<Record<ParticipantCategory, number>>;
  requiresApproval?: boolean;
  status?: "DRAFT" | "PUBLISHED" | "CLOSED" | "ARCHIVED";
  registrationClosesAt?: Date;
  /** Consecutive days, each eight hours long. */
  days?: number;
} = {}) {
  // Two weeks ahead, on the hour, as real events are.
  const hour = 3_600_000;
  const start = new Date(Math.floor((Date.now() + 14 * 86_400_000) / hour) * hour);
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
