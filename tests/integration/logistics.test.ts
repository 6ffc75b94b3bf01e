import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createRegistration, updateRegistration } from "@/lib/registrations/mutations";
import { getEventBudget, getLogistics, getRegister, getTravel } from "@/lib/travel/data";
import { completeTravel, createHotel, createRoom, saveLogisticsSettings } from "@/lib/travel/mutations";
import { logisticsSettingsSchema } from "@/lib/travel/schema";
import { createTestEvent, registrationInput } from "@/tests/support/factories";
import { insertParticipants, markPresent } from "@/tests/support/participants";

const actor = { type: "STAFF" as const };

async function travelEvent() {
  const event = await createTestEvent({ days: 2 });
  const result = await saveLogisticsSettings({
    eventId: event.id,
    input: logisticsSettingsSchema.parse({
      travelEnabled: true,
      passportEnabled: true,
      travelCompensation: "CEILING",
      perDiem: { GOVERNMENT: "1500", LOCAL_GOVERNMENT: "1200", CIVIL_SOCIETY: "", OTHER: "" },
      ceilings: [{ region: "NARYN", amount: "2000" }],
    }),
    actor,
  });
  expect(result).toEqual({ ok: true });
  const days = await db.eventDay.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
  const dates = days.map((day) => day.date.toISOString().slice(0, 10));
  return { event, days, dates };
}

async function roomOf(eventId: string, beds: number) {
  const name = `Отель ${randomUUID().slice(0, 6)}`;
  expect(await createHotel({ eventId, input: { name, address: undefined }, actor })).toEqual({ ok: true });
  const hotel = await db.hotel.findFirstOrThrow({ where: { eventId, name } });
  expect(await createRoom({ eventId, input: { hotelId: hotel.id, name: "101", beds }, actor })).toEqual({
    ok: true,
  });
  return db.hotelRoom.findFirstOrThrow({ where: { hotelId: hotel.id } });
}

const travelFor = (dates: string[]) => ({
  fromSettlement: "Нарын",
  fromRegion: "NARYN",
  arrivesAt: `${dates[0]}T08:00`,
  departsAt: `${dates[1]}T19:00`,
  transport: "MINIBUS" as const,
  nights: [dates[0] as string],
  sharesWith: undefined,
  passportNumber: "AN 1234567",
});

/** Travel written straight to the table: from Naryn across the event's two days, asking a room for one night. */
function insertTravel(
  registrationId: string,
  eventId: string,
  {
    dates,
    night,
    transport = "BUS",
    farePaid = null,
  }: {
    dates: string[];
    night: Date;
    transport?: "BUS" | "CAR" | "MINIBUS";
    farePaid?: number | null;
  },
) {
  return db.registrationTravel.create({
    data: {
      registrationId,
      eventId,
      fromRegion: "NARYN",
      arrivesAt: new Date(`${dates[0]}T02:00:00Z`),
      departsAt: new Date(`${dates[1]}T12:00:00Z`),
      transport,
      nights: [night],
      farePaid,
    },
  });
}

describe("travel and rooms", () => {
  let setup: Awaited<ReturnType<typeof travelEvent>>;
  beforeAll(async () => {
    setup = await travelEvent();
  });

  it("keeps the travel given with a registration, and refuses dates outside the event's window", async () => {
    const { event, dates } = setup;
    const created = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: { ...registrationInput(), travel: travelFor(dates) },
    });
    if (!created.ok) throw new Error(created.reason);
    expect(await getTravel({ registrationId: created.registrationId })).toMatchObject({
      fromSettlement: "Нарын",
      arrivesAt: `${dates[0]}T08:00`,
      nights: [dates[0]],
      passportNumber: "AN 1234567",
    });
    const tooLate = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: { ...registrationInput(), travel: { ...travelFor(dates), departsAt: "2199-01-01T10:00" } },
    });
    expect(tooLate).toEqual({ ok: false, reason: "invalid", fieldErrors: { "travel.departsAt": "tooLate" } });

    const { email: _email, consent: _consent, ...edit } = registrationInput();
    const edited = await updateRegistration({
      target: { id: created.registrationId },
      input: { ...edit, travel: { ...travelFor(dates), fromSettlement: "Кочкор" } },
    });
    expect(edited).toEqual({ ok: true });
    expect((await getTravel({ registrationId: created.registrationId }))?.fromSettlement).toBe("Кочкор");
  });

  it("refuses a participant in two rooms on one night, and a roommate of another event", async () => {
    const { event, dates } = setup;
    const [person] = await insertParticipants(event.id, [{ lastName: "Осмонов", firstName: "Бакыт" }]);
    if (!person) throw new Error("no participant");
    const first = await roomOf(event.id, 2);
    const second = await roomOf(event.id, 2);
    const night = new Date(`${dates[0]}T00:00:00Z`);
    await db.roomNight.create({
      data: { registrationId: person.id, eventId: event.id, night, roomId: first.id },
    });
    await expect(
      db.roomNight.create({
        data: { registrationId: person.id, eventId: event.id, night, roomId: second.id },
      }),
    ).rejects.toThrow(/Unique constraint/);

    const other = await createTestEvent();
    const [stranger] = await insertParticipants(other.id, [{ lastName: "Чужой", firstName: "Участник" }]);
    if (!stranger) throw new Error("no participant");
    await insertTravel(person.id, event.id, { dates, night });
    await expect(
      db.registrationTravel.update({
        where: { registrationId: person.id },
        data: { roommateId: stranger.id },
      }),
    ).rejects.toThrow(/Foreign key constraint/);
    expect(
      await completeTravel({
        registrationId: person.id,
        input: { roomId: "", roommateId: stranger.id },
        actor,
      }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { roommateId: "notAParticipant" } });
  });

  it("refuses a room over its beds on a night, even to two transactions at once", async () => {
    const { event, dates } = setup;
    const room = await roomOf(event.id, 1);
    const people = await insertParticipants(event.id, [
      { lastName: "Первый", firstName: "Гость" },
      { lastName: "Второй", firstName: "Гость" },
      { lastName: "Третий", firstName: "Гость" },
    ]);
    const night = new Date(`${dates[1]}T00:00:00Z`);
    const book = (registrationId: string) =>
      db.$transaction(async (tx) => {
        await tx.roomNight.create({ data: { registrationId, eventId: event.id, night, roomId: room.id } });
        // Hold the transaction open a moment, so the other one queues behind the room's lock.
        await tx.$executeRaw`SELECT pg_sleep(0.2)`;
      });
    const results = await Promise.allSettled(people.slice(0, 2).map((each) => book(each.id)));
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.roomNight.count({ where: { roomId: room.id, night } })).toBe(1);

    const [, , third] = people;
    if (!third) throw new Error("no participant");
    await insertTravel(third.id, event.id, { dates, night, transport: "CAR" });
    expect(
      await completeTravel({ registrationId: third.id, input: { roomId: room.id, roommateId: "" }, actor }),
    ).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { roomId: "roomFull" },
    });
  });

  it("pays in the register only the days each person attended", async () => {
    const { event, days } = setup;
    const [both, one, none] = await insertParticipants(event.id, [
      { lastName: "Абдыкадыров", firstName: "Эрлан" },
      { lastName: "Бекова", firstName: "Назира" },
      { lastName: "Вахидова", firstName: "Зарина" },
    ]);
    if (!both || !one || !none) throw new Error("no participants");
    const [first, second] = days;
    if (!first || !second) throw new Error("no days");
    await markPresent([both.id], [first.id, second.id]);
    await markPresent([one.id], [second.id]);
    const logistics = await getLogistics({ eventId: event.id });
    if (!logistics) throw new Error("no event");
    const register = await getRegister({ logistics, dayId: null, passports: true });
    const byName = Object.fromEntries((register?.rows ?? []).map((row) => [row.name, row]));
    // insertParticipants makes local-government participants: 1 200 soms a day.
    expect(byName["Абдыкадыров Эрлан"]).toMatchObject({ days: 2, perDiem: 2400, travel: 0, total: 2400 });
    expect(byName["Бекова Назира"]).toMatchObject({ days: 1, perDiem: 1200 });
    expect(byName["Вахидова Зарина"]).toBeUndefined();
    const firstDay = await getRegister({ logistics, dayId: first.id, passports: true });
    expect(firstDay?.rows.map((row) => row.name)).toContain("Абдыкадыров Эрлан");
    expect(firstDay?.rows.map((row) => row.name)).not.toContain("Бекова Назира");
  });

  it("counts the budget's nights, trips and per-diem of the confirmed, paying only those who attended", async () => {
    const { event, days, dates } = await travelEvent();
    const [lodged, absent, walkIn] = await insertParticipants(event.id, [
      { lastName: "Асанова", firstName: "Гулнара" },
      { lastName: "Бакиров", firstName: "Нурлан" },
      { lastName: "Сыдыкова", firstName: "Айгуль" },
    ]);
    if (!lodged || !absent || !walkIn) throw new Error("no participants");
    await db.registration.update({ where: { id: absent.id }, data: { gender: "MALE" } });
    const room = await roomOf(event.id, 2);
    const night = new Date(`${dates[0]}T00:00:00Z`);
    for (const person of [lodged, absent]) {
      await insertTravel(person.id, event.id, { dates, night, farePaid: 2500 });
      await db.roomNight.create({
        data: { registrationId: person.id, eventId: event.id, roomId: room.id, night },
      });
    }
    await markPresent(
      [lodged.id],
      days.map((day) => day.id),
    );
    await markPresent([walkIn.id], [days[1]?.id ?? ""]);

    const budget = await getEventBudget({ eventId: event.id });
    // Local-government rate 1 200 a day; Naryn's trip paid up to its 2 000 ceiling; the absent one is lodged, not paid.
    expect(budget?.all).toEqual({
      people: 3,
      nights: 2,
      trips: 1,
      days: 3,
      perDiem: 3600,
      travel: 2000,
      total: 5600,
    });
    expect(budget?.byGender.get("MALE")).toMatchObject({ people: 1, nights: 1, trips: 0, total: 0 });
    expect(budget?.bySectorGender.get("LOCAL_GOVERNMENT:FEMALE")).toMatchObject({ people: 2, total: 5600 });
    const plain = await createTestEvent({ days: 1 });
    expect(await getEventBudget({ eventId: plain.id })).toBeNull();
  });
});
