import "server-only";
import { db } from "@/lib/db";
import type { ParticipantCategory, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { hashToken } from "@/lib/registrations/tokens";

/** The registration a management link opens, with its event; null for an unknown token. */
export async function getRegistrationByToken({ token }: { token: string }) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const registration = await db.registration.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: { event: { include: { days: { orderBy: { startsAt: "asc" } } } } },
  });
  if (!registration) return null;
  return { ...registration, waitlistPosition: await waitlistPosition(registration) };
}

/** 1 for the first in line of their sector; undefined when not waiting. */
export async function waitlistPosition(registration: {
  eventId: string;
  category: ParticipantCategory;
  status: RegistrationStatus;
  number: number;
}): Promise<number | undefined> {
  if (registration.status !== "WAITLISTED") return undefined;
  const ahead = await db.registration.count({
    where: {
      eventId: registration.eventId,
      category: registration.category,
      status: "WAITLISTED",
      number: { lt: registration.number },
    },
  });
  return ahead + 1;
}

export type ManagedRegistration = NonNullable<Awaited<ReturnType<typeof getRegistrationByToken>>>;
