import "server-only";
import { getEnv } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import type { EventForm } from "@/lib/questions/schema";
import { consumeRateLimits } from "@/lib/rate-limit/mutations";
import { type CreateRegistrationResult, createRegistration } from "@/lib/registrations/mutations";
import { normalizeEmail, type RegistrationInput } from "@/lib/registrations/schema";

export type SubmitResult =
  | CreateRegistrationResult
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** How often one email address may be registered for one event in an hour. */
export const REGISTRATIONS_PER_EMAIL_PER_HOUR = 5;

/**
 * The limits a registration counts against, in the order they are checked.
 * The client's address can be changed (a pool of addresses, a mobile
 * network); the two after it cannot: the same address cannot be hammered
 * from many clients, and no event takes more than its ceiling in an hour.
 */
function registrationLimits({ slug, email, client }: { slug: string; email: string; client: string }) {
  const env = getEnv();
  return [
    { key: `register:${client}`, limit: env.REGISTRATION_RATE_LIMIT, windowSeconds: 600 },
    {
      key: `register-email:${slug}:${normalizeEmail(email)}`,
      limit: REGISTRATIONS_PER_EMAIL_PER_HOUR,
      windowSeconds: 3600,
    },
    { key: `register-event:${slug}`, limit: env.REGISTRATION_EVENT_RATE_LIMIT, windowSeconds: 3600 },
  ];
}

/**
 * A registration from the public form or the JSON API, validated by its
 * caller (the action layer, the API route): count it against the client's,
 * the email's and the event's limits, allocate. Invalid input was refused
 * before it cost a database round trip.
 */
export async function submitRegistration({
  slug,
  input,
  locale,
  client,
  form,
}: {
  slug: string;
  input: RegistrationInput;
  locale: Locale;
  /** The client's address, for the rate limit. */
  client: string;
  /** The event's form, when the caller has read it already. */
  form?: EventForm;
}): Promise<SubmitResult> {
  // In order, stopping at the first refusal: an attempt the address limit
  // refuses does not use up the email's or the event's.
  const limit = await consumeRateLimits(registrationLimits({ slug, email: input.email, client }));
  if (!limit.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  return createRegistration({ slug, input, locale, form });
}
