import "server-only";
import type { LetterTemplate } from "@/lib/emails/templates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";

/**
 * Writes a letter to the outbox inside the caller's transaction: the letter
 * exists if and only if the change that causes it is committed. Returns
 * false when a letter with the same dedupe key was queued before.
 */
export async function queueLetter(
  tx: Prisma.TransactionClient,
  letter: {
    template: LetterTemplate;
    registration: { id: string; eventId: string; email: string; locale: Locale };
    payload?: Prisma.InputJsonValue;
    /** A letter with a key is queued at most once. */
    dedupeKey?: string;
  },
): Promise<boolean> {
  const { count } = await tx.outboxMessage.createMany({
    data: [
      {
        template: letter.template,
        registrationId: letter.registration.id,
        eventId: letter.registration.eventId,
        toAddress: letter.registration.email,
        locale: letter.registration.locale,
        payload: letter.payload ?? {},
        dedupeKey: letter.dedupeKey,
      },
    ],
    skipDuplicates: true,
  });
  return count > 0;
}
