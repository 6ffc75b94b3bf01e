import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSender } from "@/lib/emails/transport";
import { sendDueLetters } from "@/lib/emails/worker";
import { getParticipantData } from "@/lib/privacy/data";
import { anonymizeExpiredRegistrations, eraseRegistration } from "@/lib/privacy/mutations";
import { changeRegistrationStatuses, createRegistration } from "@/lib/registrations/mutations";
import { getEventStatistics } from "@/lib/statistics/data";
import { createTestEvent, registrationInput } from "../support/factories";

const admin = { type: "STAFF" as const };

/** Where a text appears in any text or JSON column of any table: "table.column" for each. */
async function placesHolding(needle: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    if (row && row.count > 0) found.push(`${table}.${column}`);
  }
  return found;
}

async function registerPerson(slug: string, tag: string) {
  const person = {
    lastName: `Токтогулова${tag}`,
    firstName: `Бүбүсара${tag}`,
    patronymic: `Маратовна${tag}`,
    organization: `Коомдук фонд ${tag}`,
    position: `Координатор ${tag}`,
    email: `bubusara.${tag}@example.kg`,
    phone: `+996 700 ${tag.slice(0, 3).replace(/\D/g, "1").padEnd(3, "1")} 999`,
    dietaryNeeds: `Вегетариан ${tag}`,
    accessibilityNeeds: `Пандус ${tag}`,
    category: "CIVIL_SOCIETY" as const,
  };
  const result = await createRegistration({ slug, locale: "ky", input: registrationInput(person) });
  if (!result.ok) throw new Error(result.reason);
  return { id: result.registrationId, person };
}

describe("personal data", () => {
  it("erasure leaves nothing of the person in any table, keeps the statistics and is audited", async () => {
    const event = await createTestEvent({ capacity: 5, quotas: {} });
    const tag = randomUUID().slice(0, 8);
    const { id, person } = await registerPerson(event.slug, tag);
    await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
    await db.attendance.create({ data: { registrationId: id, eventDayId: day.id } });
    await db.registration.update({ where: { id }, data: { internalNote: `Позвонить ${tag}` } });
    await changeRegistrationStatuses({
      eventId: event.id,
      registrationIds: [id],
      to: "WAITLISTED",
      actor: admin,
    });
    // The letters go to the local mailbox, as they do without SMTP.
    const sender = createSender({ smtpUrl: undefined });
    while ((await sendDueLetters({ send: sender.send, retryBaseSeconds: 1 })) > 0) {}
    expect(await db.mailboxMessage.count({ where: { toAddress: person.email } })).toBeGreaterThan(0);

    const copy = JSON.stringify(await getParticipantData({ registrationId: id }));
    for (const value of [person.lastName, person.email, person.organization]) expect(copy).toContain(value);
    expect(copy).toContain("Кыргыз Республикасынын");
    expect(copy).not.toContain("manageTokenHash");

    const needles = Object.entries(person)
      .filter(([key]) => key !== "category")
      .map(([, value]) => value);
    needles.push(`Позвонить ${tag}`);
    for (const needle of needles) expect(await placesHolding(needle), needle).not.toEqual([]);
    const before = await getEventStatistics({ eventId: event.id });

    expect(await eraseRegistration({ registrationId: id, actor: admin })).toBe(true);

    for (const needle of needles) expect(await placesHolding(needle), needle).toEqual([]);
    expect(await getEventStatistics({ eventId: event.id })).toEqual(before);
    const erased = await db.registration.findUniqueOrThrow({ where: { id } });
    expect(erased).toMatchObject({ status: "WAITLISTED", category: "CIVIL_SOCIETY", gender: "FEMALE" });
    expect(erased.anonymizedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { entityId: id, action: "registration.erased" } })).toBe(1);
    // Once is enough: nothing left to erase, nothing recorded again.
    expect(await eraseRegistration({ registrationId: id, actor: admin })).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: id, action: "registration.erased" } })).toBe(1);
  });

  it("retention anonymizes exactly the events past their period, and a second run changes nothing", async () => {
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const past = await pastEvent({ endedAt: daysAgo(40), retentionDays: 30 });
    const within = await pastEvent({ endedAt: daysAgo(10), retentionDays: 30 });
    const forever = await pastEvent({ endedAt: daysAgo(4000), retentionDays: null });

    const first = await anonymizeExpiredRegistrations({ now });
    expect(first).toBeGreaterThanOrEqual(3);
    const anonymized = (eventId: string) =>
      db.registration.count({ where: { eventId, anonymizedAt: { not: null } } });
    expect(await anonymized(past.id)).toBe(3);
    expect(await anonymized(within.id)).toBe(0);
    expect(await anonymized(forever.id)).toBe(0);
    expect(await placesHolding(past.tag)).toEqual([]);
    expect(await placesHolding(within.tag)).not.toEqual([]);
    expect(
      await db.auditLog.count({ where: { eventId: past.id, action: "event.retention_anonymized" } }),
    ).toBe(1);

    const snapshot = await db.registration.findMany({ orderBy: { id: "asc" } });
    const audits = await db.auditLog.count();
    expect(await anonymizeExpiredRegistrations({ now })).toBe(0);
    expect(await db.registration.findMany({ orderBy: { id: "asc" } })).toEqual(snapshot);
    expect(await db.auditLog.count()).toBe(audits);
  });
});

/** An event whose only day ended at `endedAt`, with three registrations named by a tag. */
async function pastEvent({ endedAt, retentionDays }: { endedAt: Date; retentionDays: number | null }) {
  const event = await createTestEvent({ quotas: {} });
  const tag = randomUUID().slice(0, 8);
  for (let i = 0; i < 3; i++) {
    await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ lastName: `Архивова${tag}`, email: `${tag}-${i}@example.kg` }),
    });
  }
  await db.eventDay.updateMany({
    where: { eventId: event.id },
    data: { startsAt: new Date(endedAt.getTime() - 8 * 3_600_000), endsAt: endedAt },
  });
  await db.event.update({ where: { id: event.id }, data: { retentionDays } });
  return { id: event.id, tag };
}
