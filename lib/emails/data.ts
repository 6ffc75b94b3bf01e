import "server-only";
import { db } from "@/lib/db";

/** Everything a letter about a registration shows, as it is now. */
export function getLetterRegistration({ registrationId }: { registrationId: string }) {
  return db.registration.findUnique({
    where: { id: registrationId },
    include: {
      event: {
        include: {
          days: { orderBy: { startsAt: "asc" } },
          parties: { orderBy: [{ role: "asc" }, { position: "asc" }] },
        },
      },
    },
  });
}

export type LetterRegistration = NonNullable<Awaited<ReturnType<typeof getLetterRegistration>>>;
