import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { RegistrationStatus } from "@/lib/generated/prisma/enums";

export type TestPerson = {
  lastName: string;
  firstName: string;
  patronymic?: string;
  organization?: string;
  position?: string;
  status?: RegistrationStatus;
};

/**
 * Many participants of one event at once, written straight to the table: for
 * tests about lists and documents, where how a seat was won does not matter.
 */
export async function insertParticipants(eventId: string, people: TestPerson[]) {
  const rows = people.map((person) => {
    const email = `${randomUUID()}@example.test`;
    return {
      id: randomUUID(),
      eventId,
      status: person.status ?? "CONFIRMED",
      category: "LOCAL_GOVERNMENT" as const,
      lastName: person.lastName,
      firstName: person.firstName,
      patronymic: person.patronymic ?? null,
      organization: person.organization ?? "Айыл өкмөтү",
      position: person.position ?? "Адис",
      region: "NARYN" as const,
      email,
      emailNormalized: email,
      phone: "+996 555 000 111",
      gender: "FEMALE" as const,
      locale: "ru" as const,
      consentAt: new Date(),
      consentVersion: "test",
      manageTokenHash: randomBytes(32).toString("hex"),
      checkInCode: randomBytes(6).toString("hex").toUpperCase(),
    };
  });
  await db.registration.createMany({ data: rows });
  return rows;
}

/** Marks each registration present on each of the days. */
export async function markPresent(registrationIds: string[], dayIds: string[]) {
  await db.attendance.createMany({
    data: registrationIds.flatMap((registrationId) =>
      dayIds.map((eventDayId) => ({ registrationId, eventDayId })),
    ),
  });
}
