import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEventStatistics, getYearStatistics } from "@/lib/statistics/data";
import { insertRegistrations } from "../support/bulk-registrations";
import { createTestEvent } from "../support/factories";

const sql = (query: string, params: unknown[]) => db.$executeRawUnsafe(query, ...params);

/** An event of two days on given dates, with a mixed crowd. */
async function eventWithCrowd({ date, count }: { date: string; count: number }) {
  const event = await createTestEvent({ quotas: {} });
  await db.eventDay.deleteMany({ where: { eventId: event.id } });
  for (const [index, day] of [date, nextDay(date)].entries()) {
    await db.eventDay.create({
      data: {
        eventId: event.id,
        date: new Date(`${day}T00:00:00Z`),
        startsAt: new Date(`${day}T03:00:00Z`),
        endsAt: new Date(`${day}T${index === 0 ? "12" : "08"}:00:00Z`),
      },
    });
  }
  await insertRegistrations(sql, { eventId: event.id, count, tag: randomUUID() });
  return event;
}

function nextDay(date: string) {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}

async function countBy(eventId: string, column: "category" | "gender" | "region") {
  const rows = await db.$queryRawUnsafe<
    { key: string; registered: number; confirmed: number; attended: number }[]
  >(
    `SELECT ${column}::text AS key, count(*)::int AS registered,
       count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
       count(*) FILTER (WHERE id IN (SELECT registration_id FROM attendance))::int AS attended
     FROM registration WHERE event_id = $1::uuid GROUP BY 1`,
    eventId,
  );
  return Object.fromEntries(rows.map(({ key, ...counts }) => [key, counts]));
}

describe("statistics", () => {
  it("every figure of an event equals a count made by SQL over the same rows", async () => {
    const event = await eventWithCrowd({ date: "2031-05-02", count: 700 });
    const statistics = await getEventStatistics({ eventId: event.id });
    for (const column of ["category", "gender", "region"] as const) {
      const expected = await countBy(event.id, column);
      const actual = {
        category: statistics.byCategory,
        gender: statistics.byGender,
        region: Object.fromEntries(statistics.byRegion.map((region) => [region.code, region.counts])),
      }[column];
      const nonEmpty = Object.fromEntries(
        Object.entries(actual).filter(([, counts]) => counts.registered > 0),
      );
      expect(nonEmpty, column).toEqual(expected);
    }
    expect(statistics.totals.registered).toBe(700);

    const perDay = await db.$queryRawUnsafe<
      { date: string; category: string; gender: string; count: number }[]
    >(
      `SELECT to_char(d.date, 'YYYY-MM-DD') AS date, r.category::text, r.gender::text, count(*)::int AS count
       FROM attendance a JOIN registration r ON r.id = a.registration_id JOIN event_day d ON d.id = a.event_day_id
       WHERE r.event_id = $1::uuid GROUP BY 1, 2, 3`,
      event.id,
    );
    expect(statistics.attendanceByDay.map((day) => day.date)).toEqual(["2031-05-02", "2031-05-03"]);
    for (const day of statistics.attendanceByDay) {
      const ofDay = perDay.filter((row) => row.date === day.date);
      expect(day.total).toBe(ofDay.reduce((sum, row) => sum + row.count, 0));
      for (const [category, count] of Object.entries(day.byCategory)) {
        expect(count).toBe(
          ofDay.filter((row) => row.category === category).reduce((sum, row) => sum + row.count, 0),
        );
      }
      for (const [gender, count] of Object.entries(day.byGender)) {
        expect(count).toBe(
          ofDay.filter((row) => row.gender === gender).reduce((sum, row) => sum + row.count, 0),
        );
      }
    }

    const [noShow] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM registration
       WHERE event_id = $1::uuid AND status = 'CONFIRMED' AND id NOT IN (SELECT registration_id FROM attendance)`,
      event.id,
    );
    expect(statistics.noShow.noShows).toBe(noShow?.count);
    expect(statistics.noShow.noShows).toBeGreaterThan(0);

    const women = await db.registration.count({
      where: { eventId: event.id, category: "CIVIL_SOCIETY", gender: "FEMALE", attendance: { some: {} } },
    });
    expect(statistics.byCategoryAndGender.CIVIL_SOCIETY.FEMALE.attended).toBe(women);
  });

  it("a year counts each person once by normalized email, across events", async () => {
    const year = 2040 + Math.floor(Math.random() * 50);
    const first = await eventWithCrowd({ date: `${year}-03-10`, count: 30 });
    const second = await eventWithCrowd({ date: `${year}-10-01`, count: 20 });
    // Five people of the first come to the second too, their address typed differently.
    const returning = await db.registration.findMany({
      where: { eventId: first.id },
      orderBy: { number: "asc" },
      take: 5,
    });
    for (const [index, person] of returning.entries()) {
      await db.$executeRawUnsafe(
        `INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization, position,
           region, email, email_normalized, phone, gender, consent_at, consent_version, manage_token_hash,
           check_in_code, updated_at)
         SELECT gen_random_uuid(), $1::uuid, 'CONFIRMED', category, last_name, first_name, organization, position,
           region, '  ' || upper(email), lower(btrim(upper(email))), phone, gender, now(), consent_version,
           md5(random()::text) || md5(random()::text), 'R' || $3::int, now()
         FROM registration WHERE id = $2::uuid`,
        second.id,
        person.id,
        index,
      );
    }
    const summary = await getYearStatistics({ year });
    expect(summary.events.map((event) => event.id)).toEqual([first.id, second.id]);
    expect(summary.events.map((event) => event.registered)).toEqual([30, 25]);
    expect(summary.people.total).toBe(50);
    const [distinct] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(DISTINCT email_normalized)::int AS count FROM registration WHERE event_id IN ($1::uuid, $2::uuid)`,
      first.id,
      second.id,
    );
    expect(summary.people.total).toBe(distinct?.count);
  });
});
