import "server-only";
import { getEnv } from "@/lib/env";
import { fieldErrors } from "@/lib/forms/field-errors";
import type { Locale } from "@/lib/i18n/routing";
import { consumeRateLimit } from "@/lib/rate-limit/mutations";
import { type CreateRegistrationResult, createRegistration } from "@/lib/registrations/mutations";
import { type ErrorKey, registrationRequestSchema } from "@/lib/registrations/schema";

export type SubmitResult =
  | CreateRegistrationResult
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, ErrorKey> }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * A registration from the public form or the JSON API: validate, count it
 * against the client's limit, allocate. Invalid input is refused before it
 * costs a database round trip.
 */
export async function submitRegistration({
  slug,
  values,
  locale,
  client,
}: {
  slug: string;
  values: unknown;
  locale: Locale;
  /** The client's address, for the rate limit. */
  client: string;
}): Promise<SubmitResult> {
  const parsed = registrationRequestSchema.safeParse(values);
  if (!parsed.success)
    return { ok: false, reason: "invalid", fieldErrors: fieldErrors<ErrorKey>(parsed.error) };
  const limit = await consumeRateLimit({
    key: `register:${client}`,
    limit: getEnv().REGISTRATION_RATE_LIMIT,
    windowSeconds: 600,
  });
  if (!limit.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  return createRegistration({ slug, input: parsed.data, locale });
}
