import "server-only";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/registrations/tokens";

/** The registration a management link opens, with its event; null for an unknown token. */
export async function getRegistrationByToken({ token }: { token: string }) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const registration = await db.registration.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: { event: { include: { days: { orderBy: { startsAt: "asc" } } } } },
  });
  if (!registration) return null;
  const waitlistPosition =
    registration.status === "WAITLISTED"
      ? 1 +
        (await db.registration.count({
          where: {
            eventId: registration.eventId,
            category: registration.category,
            status: "WAITLISTED",
            number: { lt: registration.number },
          },
        }))
      : undefined;
  return { ...registration, waitlistPosition };
}

export type ManagedRegistration = NonNullable<Awaited<ReturnType<typeof getRegistrationByToken>>>;
