import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { queryOnce } from "@/lib/database/query-once";
import { calendarDate, zonedInstant, zonedParts } from "@/lib/events/rules";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sessionInstants } from "@/lib/programme/rules";
import { generatePassword, hashPassword } from "@/lib/staff/passwords";
import { passwordSchema } from "@/lib/staff/schema";
import { demoEventTexts } from "@/prisma/seed/demo-event-texts";
import { drawDemoImages } from "@/prisma/seed/demo-images";
import { demoSurvey, demoTest } from "@/prisma/seed/demo-instruments";
import { demoSessions, demoSpeakers } from "@/prisma/seed/demo-programme";

// The demo seminar and the first admin. Idempotent: what exists is left as it
// is, so a second run changes nothing.

const TIME_ZONE = "Asia/Bishkek";
/** The real seminar was in May 2014; the demo takes place this many days from its first seeding. */
const DAYS_AHEAD = 28;

export type SeedResult = {
  demoEventCreated: boolean;
  /** Set only when the admin account was created by this run. */
  admin?: { email: string; password: string; generated: boolean };
};

export async function seedDatabase({
  db,
  adminEmail,
  adminPassword,
  now = new Date(),
}: {
  db: PrismaClient;
  adminEmail: string;
  adminPassword?: string;
  now?: Date;
}): Promise<SeedResult> {
  if (adminPassword !== undefined) refuseWeakAdminPassword(adminPassword);
  const demoEventCreated = await seedDemoEvent({ db, now });
  const admin = await seedFirstAdmin({ db, email: adminEmail, password: adminPassword });
  return { demoEventCreated, admin };
}

/**
 * Whether both are there already, asked with plain SQL so that a start with
 * nothing to seed does not load Prisma. The same two questions as below.
 */
export async function isSeeded(databaseUrl: string): Promise<boolean> {
  const [row] = await queryOnce<{ seeded: boolean }>(
    databaseUrl,
    `SELECT EXISTS (SELECT 1 FROM event WHERE slug = $1)
        AND EXISTS (SELECT 1 FROM staff_user) AS seeded`,
    [demoEventTexts.slug],
  );
  return row?.seeded === true;
}

async function seedDemoEvent({ db, now }: { db: PrismaClient; now: Date }): Promise<boolean> {
  const texts = demoEventTexts;
  if (await db.event.findUnique({ where: { slug: texts.slug }, select: { id: true } })) return false;

  // Calendar days in the event's zone, counted from today there.
  const dayFromToday = (days: number) =>
    zonedParts(addDays(new TZDate(now, TIME_ZONE), days), TIME_ZONE).date;
  const [first, second, closing] = [
    dayFromToday(DAYS_AHEAD),
    dayFromToday(DAYS_AHEAD + 1),
    dayFromToday(DAYS_AHEAD - 3),
  ];
  const at = (date: string, time: string) => zonedInstant({ date, time, timeZone: TIME_ZONE });
  const images = await drawDemoImages();

  // upsert, not create: two processes seeding one fresh database at once
  // must not fail on the slug's unique index.
  await db.event.upsert({
    where: { slug: texts.slug },
    update: {},
    create: {
      slug: texts.slug,
      status: "PUBLISHED",
      isDemo: true,
      title: texts.title,
      summary: texts.summary,
      description: texts.description,
      audience: texts.audience,
      venueName: texts.venueName,
      venueAddress: texts.venueAddress,
      timeZone: TIME_ZONE,
      registrationOpensAt: now,
      registrationClosesAt: at(closing, "18:00"),
      capacity: 40,
      requiresApproval: false,
      contactEmail: "seminar@kattoo.local",
      days: {
        create: [
          { date: calendarDate(first), startsAt: at(first, "09:00"), endsAt: at(first, "18:00") },
          { date: calendarDate(second), startsAt: at(second, "09:00"), endsAt: at(second, "16:30") },
        ],
      },
      quotas: {
        create: [
          { category: "GOVERNMENT", seats: 15 },
          { category: "LOCAL_GOVERNMENT", seats: 12 },
          { category: "CIVIL_SOCIETY", seats: 10 },
          { category: "OTHER", seats: 3 },
        ],
      },
      parties: {
        create: texts.parties.map((party, position) => ({
          role: party.role,
          name: party.name,
          url: party.url,
          position,
        })),
      },
      images: {
        create: images,
      },
      contactPhone: "+996 312 000 000",
      contactTelegram: "kattoo_demo",
      venueLatitude: 42.6486,
      venueLongitude: 77.0857,
    },
  });
  await seedDemoQuestions({ db, slug: texts.slug });
  await seedDemoProgramme({ db, slug: texts.slug });
  await seedDemoInstruments({
    db,
    slug: texts.slug,
    // The pre-test from now until the first day starts; the post-test and the
    // survey from the last day's start for a week.
    windows: {
      PRE_TEST: { opensAt: now, closesAt: at(first, "09:00") },
      POST_TEST: { opensAt: at(second, "09:00"), closesAt: at(dayFromToday(DAYS_AHEAD + 8), "09:00") },
      FEEDBACK: { opensAt: at(second, "09:00"), closesAt: at(dayFromToday(DAYS_AHEAD + 8), "09:00") },
    },
  });
  return true;
}

const passwordRules = {
  tooShort: "it has fewer than 12 characters",
  tooLong: "it has more than 128 characters",
  common: "it is one of the commonest passwords",
} as const;

/**
 * ADMIN_PASSWORD must pass the rules a chosen password passes: the first
 * admin's account opens everything. Refused before anything is written.
 */
function refuseWeakAdminPassword(password: string) {
  const result = passwordSchema.safeParse(password);
  if (result.success) return;
  const reasons = result.error.issues.map(
    (issue) => passwordRules[issue.message as keyof typeof passwordRules] ?? issue.message,
  );
  throw new Error(
    `ADMIN_PASSWORD is refused: ${reasons.join("; ")}. Choose one of 12 to 128 characters that is not a common password, or unset it to have one generated.`,
  );
}

/**
 * The demo's own questions, once: under the event's row lock, so that two
 * processes seeding at once do not both add them.
 */
async function seedDemoQuestions({ db, slug }: { db: PrismaClient; slug: string }) {
  await db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM event WHERE slug = ${slug} FOR UPDATE`;
    if (!event || (await tx.question.count({ where: { eventId: event.id } })) > 0) return;
    let previous: string | undefined;
    for (const [position, question] of demoEventTexts.questions.entries()) {
      const created = await tx.question.create({
        data: {
          eventId: event.id,
          position,
          type: question.type,
          required: question.required,
          label: question.label,
          help: question.help,
          conditionQuestionId: question.shownIf ? previous : undefined,
          conditionValues: question.shownIf ? [question.shownIf] : [],
          options: {
            create: (question.options ?? []).map((option, index) => ({
              position: index,
              label: option.label,
              places: option.places,
            })),
          },
        },
      });
      previous = created.id;
    }
  });
}

/**
 * The demo's programme and its trainers, once, under the event's row lock as
 * its questions are. Speakers are shared by every event: one already there
 * by the same name and country is taken rather than made again.
 */
async function seedDemoProgramme({ db, slug }: { db: PrismaClient; slug: string }) {
  await db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<
      { id: string; time_zone: string }[]
    >`SELECT id, time_zone FROM event WHERE slug = ${slug} FOR UPDATE`;
    if (!event || (await tx.eventSession.count({ where: { day: { eventId: event.id } } })) > 0) return;
    const days = await tx.eventDay.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
    const speakerIds = new Map<string, string>();
    for (const [key, speaker] of Object.entries(demoSpeakers)) {
      const existing = await tx.speaker.findFirst({
        where: { name: speaker.name, country: speaker.country },
        select: { id: true },
      });
      const { id } = existing ?? (await tx.speaker.create({ data: speaker, select: { id: true } }));
      speakerIds.set(key, id);
    }
    for (const session of demoSessions) {
      const day = days[session.day];
      if (!day) continue;
      await tx.eventSession.create({
        data: {
          eventDayId: day.id,
          kind: session.kind,
          ...sessionInstants({
            dayStartsAt: day.startsAt,
            start: session.start,
            end: session.end,
            timeZone: event.time_zone,
          }),
          title: session.title,
          description: session.description,
          room: session.room,
          speakers: {
            create: (session.speakers ?? []).map((key, position) => ({
              speakerId: speakerIds.get(key) as string,
              position,
            })),
          },
        },
      });
    }
  });
}

/**
 * The demo's pre-test (its five questions, asked again by the post-test, a
 * pair) and its anonymous feedback survey, once, under the event's row lock.
 */
async function seedDemoInstruments({
  db,
  slug,
  windows,
}: {
  db: PrismaClient;
  slug: string;
  windows: Record<"PRE_TEST" | "POST_TEST" | "FEEDBACK", { opensAt: Date; closesAt: Date }>;
}) {
  await db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM event WHERE slug = ${slug} FOR UPDATE`;
    if (!event || (await tx.instrument.count({ where: { eventId: event.id } })) > 0) return;
    const options = (list: { label: object; correct?: boolean }[]) => ({
      create: list.map((option, position) => ({
        position,
        label: option.label,
        correct: option.correct ?? false,
      })),
    });
    await tx.instrument.create({
      data: {
        eventId: event.id,
        kind: "PRE_TEST",
        ...windows.PRE_TEST,
        questions: {
          create: demoTest.map((question, position) => ({
            position,
            type: question.type,
            required: true,
            points: 1,
            label: question.label,
            options: options(question.options),
          })),
        },
      },
    });
    await tx.instrument.create({
      data: { eventId: event.id, kind: "POST_TEST", sharesPreTestQuestions: true, ...windows.POST_TEST },
    });
    const survey = await tx.instrument.create({
      data: { eventId: event.id, kind: "FEEDBACK", anonymous: true, ...windows.FEEDBACK },
    });
    for (const [position, question] of demoSurvey.entries()) {
      const created = await tx.question.create({
        data: {
          instrumentId: survey.id,
          position,
          type: question.type,
          required: question.type === "SCALE",
          label: question.label,
          scaleLow: question.type === "SCALE" ? question.low : undefined,
          scaleHigh: question.type === "SCALE" ? question.high : undefined,
          options: question.type === "SINGLE_CHOICE" ? options(question.options) : undefined,
        },
      });
      if (question.type === "SCALE" && question.satisfaction) {
        await tx.instrument.update({
          where: { id: survey.id },
          data: { satisfactionQuestionId: created.id },
        });
      }
    }
  });
}

async function seedFirstAdmin({
  db,
  email,
  password,
}: {
  db: PrismaClient;
  email: string;
  password?: string;
}): Promise<SeedResult["admin"]> {
  if ((await db.staffUser.count()) > 0) return undefined;
  const chosen = password ?? generatePassword();
  const normalized = email.trim().toLowerCase();
  const created = await db.staffUser.createMany({
    data: [
      {
        email: normalized,
        name: "Admin",
        role: "ADMIN",
        passwordHash: await hashPassword(chosen),
        // A generated password is printed on the console: its owner replaces it at once.
        mustChangePassword: password === undefined,
      },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) return undefined;
  return { email: normalized, password: chosen, generated: password === undefined };
}
