import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { REGISTRATIONS_PER_EMAIL_PER_HOUR, submitRegistration } from "@/lib/registrations/submit";
import { createTestEvent, registrationInput } from "../support/factories";

// The limits a new address does not escape: per event and email, and per
// event overall. Each attempt below comes from an address of its own.

vi.hoisted(() => {
  process.env.REGISTRATION_RATE_LIMIT = "30";
  process.env.REGISTRATION_EVENT_RATE_LIMIT = "12";
});

let serial = 0;
const freshAddress = () => `198.18.${(serial >> 8) & 255}.${serial++ & 255}`;

describe("registration limits that no change of address escapes", () => {
  it(`lets one email be tried ${REGISTRATIONS_PER_EMAIL_PER_HOUR} times an hour per event, however it is written`, async () => {
    const event = await createTestEvent({ capacity: 500, quotas: {} });
    const email = `${randomUUID()}@example.test`;
    const spellings = [
      email,
      email.toUpperCase(),
      `  ${email}`,
      email,
      `${email.slice(0, 3).toUpperCase()}${email.slice(3)}`,
    ];
    const results = [];
    for (const spelling of [...spellings, email]) {
      results.push(
        await submitRegistration({
          slug: event.slug,
          input: registrationInput({ email: spelling }),
          locale: "ru",
          client: freshAddress(),
        }),
      );
    }
    // The first registers; the next four are answered as duplicates; the
    // sixth is refused before it reaches the registrations.
    expect(results[0]?.ok).toBe(true);
    expect(results.slice(1, 5).map((result) => !result.ok && result.reason)).toEqual(
      Array(4).fill("already_registered"),
    );
    expect(results[5]).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((results[5] as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3500);

    // The same email is still welcome at another event.
    const other = await createTestEvent({ capacity: 500, quotas: {} });
    const elsewhere = await submitRegistration({
      slug: other.slug,
      input: registrationInput({ email }),
      locale: "ru",
      client: freshAddress(),
    });
    expect(elsewhere.ok).toBe(true);
  });

  it("takes at most REGISTRATION_EVENT_RATE_LIMIT registrations an hour per event, from all addresses", async () => {
    const event = await createTestEvent({ capacity: 500, quotas: {} });
    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        submitRegistration({
          slug: event.slug,
          input: registrationInput(),
          locale: "ru",
          client: freshAddress(),
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(12);
    expect(results.filter((result) => !result.ok && result.reason === "rate_limited")).toHaveLength(3);

    // Another event has a ceiling of its own.
    const other = await createTestEvent({ capacity: 500, quotas: {} });
    const result = await submitRegistration({
      slug: other.slug,
      input: registrationInput(),
      locale: "ru",
      client: freshAddress(),
    });
    expect(result.ok).toBe(true);
  });
});
