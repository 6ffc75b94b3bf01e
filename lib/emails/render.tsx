import "server-only";
import { randomBytes } from "node:crypto";
import { render, toPlainText } from "@react-email/render";
import { createTranslator } from "next-intl";
import type { ReactElement } from "react";
import CertificateLetter from "@/emails/certificate";
import type { CheckIn, LetterLogo, LetterProgramme, LetterProps } from "@/emails/components/types";
import HandoutsOnline from "@/emails/handouts-online";
import InstrumentLetter from "@/emails/instrument-letter";
import ManageLink from "@/emails/manage-link";
import OrganizerMessage from "@/emails/organizer-message";
import RegistrationCancelled from "@/emails/registration-cancelled";
import RegistrationConfirmed from "@/emails/registration-confirmed";
import RegistrationDeclined from "@/emails/registration-declined";
import RegistrationPending from "@/emails/registration-pending";
import RegistrationPromoted from "@/emails/registration-promoted";
import RegistrationWaitlisted from "@/emails/registration-waitlisted";
import Reminder from "@/emails/reminder";
import { systemActor } from "@/lib/audit/record";
import { certificatePdf } from "@/lib/certificates/pdf";
import { getLetterEvent, getLetterRegistrations, type LetterRegistration } from "@/lib/emails/data";
import { withInlineImages } from "@/lib/emails/inline-images";
import { type LetterParts, letterParts } from "@/lib/emails/letter-parts";
import { qrPng } from "@/lib/emails/qr-image";
import { fillPlaceholders, letterWording, storedWording } from "@/lib/emails/rules";
import type { LetterTemplate } from "@/lib/emails/templates";
import { eventCalendar } from "@/lib/events/calendar";
import { type LocalizedText, localize } from "@/lib/events/schema";
import { formatDateTime, formatTime, formatWeekdayDate } from "@/lib/i18n/dates";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Locale } from "@/lib/i18n/routing";
import { absoluteUrl } from "@/lib/i18n/urls";
import { listEventLogoFiles } from "@/lib/images/data";
import { getInstrumentLinks } from "@/lib/outcomes/data";
import { instrumentKindSchema, instrumentPaths } from "@/lib/outcomes/schema";
import { getProgrammeSessions } from "@/lib/programme/data";
import { daySummary, programmeByDay } from "@/lib/programme/rules";
import { waitlistPosition } from "@/lib/registrations/data";
import { generateCheckInCode, manageToken } from "@/lib/registrations/tokens";

// Turns an outbox row into a letter: subject, HTML and plain text in the
// participant's language, and for a held seat the calendar file and the
// check-in QR image. Participant text reaches the letter only through React,
// which escapes it.

const messages = { ru, ky, en };

// One translator per language for the life of the process: each compiles its
// messages once.
const translators = new Map<Locale, LetterProps["t"]>();

function translator(locale: Locale): LetterProps["t"] {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({
      locale,
      messages: messages[locale],
      namespace: "email",
    }) as unknown as LetterProps["t"];
    translators.set(locale, t);
  }
  return t;
}

const QR_CID = "check-in-qr";
const SEAT_LETTERS: ReadonlySet<LetterTemplate> = new Set([
  "registration-confirmed",
  "registration-promoted",
  "reminder",
]);

export type Attachment = {
  filename: string;
  content: string | Buffer;
  contentType: string;
  cid?: string;
};

/** Logos in a letter stand this high (a row that fits a phone's width), their width in proportion. */
const LOGO_HEIGHT = 40;
const LOGO_MAX_WIDTH = 160;

/** The event's logos as inline attachments, each with the size it is shown at. */
async function letterLogos(eventId: string, locale: Locale) {
  const files = await listEventLogoFiles({ eventId });
  return files.map((file, index) => {
    const width = Math.min(LOGO_MAX_WIDTH, Math.round((file.width * LOGO_HEIGHT) / file.height));
    const logo: LetterLogo = {
      cid: `logo-${index + 1}`,
      alt: localize(file.alt, locale),
      width,
      height: Math.round((file.height * width) / file.width),
    };
    const attachment: Attachment = {
      filename: `logo-${index + 1}.png`,
      content: Buffer.from(file.bytes),
      contentType: file.contentType,
      cid: logo.cid,
    };
    return { logo, attachment };
  });
}

/** The programme in short for a seat letter: each day's first and last session, and the page that has it all. */
async function letterProgramme(
  event: LetterRegistration["event"],
  locale: Locale,
): Promise<LetterProgramme | null> {
  const sessions = await getProgrammeSessions({ eventId: event.id });
  if (sessions.length === 0) return null;
  const zone = { locale, timeZone: event.timeZone };
  const line = (session: (typeof sessions)[number]) =>
    `${formatTime(session.startsAt, zone)} ${localize(session.title, locale)}`;
  return {
    days: programmeByDay(event.days, sessions).flatMap(({ day, sessions: daySessions }) => {
      const summary = daySummary(daySessions);
      return summary
        ? [
            {
              date: formatWeekdayDate(day.startsAt, zone),
              first: line(summary.first),
              last: summary.last && line(summary.last),
            },
          ]
        : [];
    }),
    url: absoluteUrl({ href: `/events/${event.slug}#programme`, locale }),
  };
}

/** What a letter reads of a registration: a sample participant's preview has just this. */
export type LetterRecipient = Pick<
  LetterRegistration,
  | "id"
  | "number"
  | "eventId"
  | "event"
  | "status"
  | "category"
  | "firstName"
  | "patronymic"
  | "lastName"
  | "email"
  | "checkInCode"
>;

export type RenderedLetter = {
  to: { name: string; address: string };
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  attachments: Attachment[];
};

/** What one participant's letter holds that another's does not. */
type Personal = {
  name: string;
  manageUrl: string;
  checkInCode: string;
  preTestUrl: string | undefined;
  instrumentUrl: string | undefined;
};

const personalPlaces = ["name", "manageUrl", "checkInCode", "preTestUrl", "instrumentUrl"] as const;
// Letters and digits only, which neither React nor the plain-text conversion
// changes; random, so no text of an event's can hold one by chance.
const TOKEN = `K${randomBytes(8).toString("hex").toUpperCase()}`;
const TOKENS = new RegExp(`${TOKEN}(\\d)Z`, "g");

/** The letter's tokens: one for each of the participant's places that holds something. */
function tokensFor(own: Personal): Personal {
  const token = (place: (typeof personalPlaces)[number]) => `${TOKEN}${personalPlaces.indexOf(place)}Z`;
  return {
    name: token("name"),
    manageUrl: token("manageUrl"),
    checkInCode: token("checkInCode"),
    preTestUrl: own.preTestUrl && token("preTestUrl"),
    instrumentUrl: own.instrumentUrl && token("instrumentUrl"),
  };
}

/** As React writes text and attribute values. */
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => `&${ESCAPES[character]};`);
const ESCAPES: Record<string, string> = { "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#x27" };

/** The drawn letter with the participant's own values in place of the tokens. */
function fillIn(drawn: { html: string; text: string }, own: Personal) {
  const value = (index: string) => own[personalPlaces[Number(index)] ?? "name"] ?? "";
  return {
    html: drawn.html.replace(TOKENS, (_, index: string) => escapeHtml(value(index))),
    text: drawn.text.replace(TOKENS, (_, index: string) => value(index)),
  };
}

export async function renderLetter({
  template,
  locale,
  registration,
  payload,
  parts = letterParts(),
}: {
  template: LetterTemplate;
  locale: Locale;
  registration: LetterRecipient;
  payload: Record<string, unknown>;
  parts?: LetterParts;
}): Promise<RenderedLetter> {
  const { event } = registration;
  const t = translator(locale);
  const zone = { locale, timeZone: event.timeZone };
  const first = event.days[0];
  const title = localize(event.title, locale);
  const logos = await parts(`logos:${event.id}:${locale}`, () => letterLogos(event.id, locale));
  const programme = SEAT_LETTERS.has(template)
    ? await parts(`programme:${event.id}:${locale}`, () => letterProgramme(event, locale))
    : null;
  const own: Personal = {
    name: [registration.firstName, registration.patronymic].filter(Boolean).join(" "),
    manageUrl: absoluteUrl({ href: `/r/${manageToken(registration.id)}`, locale }),
    checkInCode: registration.checkInCode,
    // A seat's first letter links the pre-test while it is open and not yet answered.
    preTestUrl:
      template === "registration-confirmed" || template === "registration-promoted"
        ? await preTestLink({ registrationId: registration.id, eventId: event.id, locale })
        : undefined,
    // A post-test's or survey's letter: the participant's own link to it.
    instrumentUrl:
      template === "instrument-opened" || template === "instrument-reminder"
        ? absoluteUrl({
            href: `/r/${manageToken(registration.id)}/${instrumentPaths[instrumentKindSchema.parse(payload.kind)]}`,
            locale,
          })
        : undefined,
  };
  const eventProps: LetterProps["event"] = {
    title,
    // Each day with its hours: a date alone leaves people to guess when to come.
    dates: event.days
      .map(
        (day) =>
          `${formatWeekdayDate(day.startsAt, zone)}, ${formatTime(day.startsAt, zone)}–${formatTime(day.endsAt, zone)}`,
      )
      .join("; "),
    venue: `${localize(event.venueName, locale)}, ${localize(event.venueAddress, locale)}`,
    organizers: event.parties
      .filter((party) => party.role === "ORGANIZER")
      .map((party) => localize(party.name, locale)),
    logos: logos.map(({ logo }) => logo),
    programme,
  };
  const startsAt = first ? formatDateTime(first.startsAt, zone) : "";
  // An organizer's message, its placeholders filled in for this participant (lib/emails/rules.ts).
  const filled = (text: unknown) =>
    fillPlaceholders(typeof text === "string" ? text : "", {
      firstName: registration.firstName,
      checkInCode: registration.checkInCode,
      manageLink: own.manageUrl,
      eventTitle: title,
    });
  const written = typeof payload.message === "string" ? payload.message : "";
  const message = filled(written);
  // Rendered from attendance as it is now: a participant who no longer
  // qualifies gets no certificate.
  const certificate =
    template === "certificate"
      ? await certificatePdf({ registrationId: registration.id, locale, actor: systemActor })
      : null;
  const position =
    template === "registration-waitlisted" ? ((await waitlistPosition(registration)) ?? 1) : undefined;

  /** The letter, with `v` in the places that are the participant's own. */
  const letter = (v: Personal): ReactElement => {
    const base: LetterProps = {
      t,
      locale,
      participantName: v.name,
      event: eventProps,
      manageUrl: v.manageUrl,
    };
    const checkIn: CheckIn = { code: v.checkInCode, qrImageCid: QR_CID };
    // A seat confirmed, or offered from the waiting list: the same paragraph.
    const seat = () => ({
      ...base,
      checkIn,
      preTestUrl: v.preTestUrl,
      wording: letterWording(event.confirmationWording, locale),
    });
    const letters: Record<LetterTemplate, () => ReactElement> = {
      "registration-pending": () => <RegistrationPending {...base} />,
      "registration-confirmed": () => <RegistrationConfirmed {...seat()} />,
      "registration-waitlisted": () => (
        <RegistrationWaitlisted
          {...base}
          waitlistPosition={position ?? 1}
          wording={letterWording(event.waitlistWording, locale)}
        />
      ),
      "registration-promoted": () => <RegistrationPromoted {...seat()} />,
      "registration-declined": () => <RegistrationDeclined {...base} />,
      "registration-cancelled": () => <RegistrationCancelled {...base} />,
      "manage-link": () => <ManageLink {...base} />,
      reminder: () => <Reminder {...base} checkIn={checkIn} startsAt={startsAt} />,
      "organizer-message": () => <OrganizerMessage {...base} message={message} />,
      "handouts-online": () => <HandoutsOnline {...base} />,
      "instrument-opened": () => instrumentLetter("instrument-opened"),
      "instrument-reminder": () => instrumentLetter("instrument-reminder"),
      certificate: () => {
        if (!certificate) throw new Error("The participant no longer qualifies for a certificate.");
        return <CertificateLetter {...base} code={certificate.code} verifyUrl={certificate.verifyUrl} />;
      },
    };
    const instrumentLetter = (template: "instrument-opened" | "instrument-reminder") => (
      <InstrumentLetter
        {...base}
        template={template}
        kind={instrumentKindSchema.parse(payload.kind)}
        instrumentUrl={v.instrumentUrl ?? ""}
      />
    );
    return letters[template]();
  };
  // Rendered once; the plain-text part is derived from the HTML.
  const draw = async (v: Personal) => {
    const html = await render(letter(v));
    return { html, text: toPlainText(html) };
  };
  // A letter the event's other participants receive too is drawn once a
  // batch, with a token in each of the participant's own places, which their
  // values then fill. Not a certificate (its code is the participant's), nor
  // a message with placeholders (its preview is cut from the filled text).
  const shared = template !== "certificate" && message === written;
  const { html, text } = shared
    ? fillIn(
        await parts(
          `letter:${JSON.stringify([template, event.id, locale, own.preTestUrl !== undefined, position, payload])}`,
          () => draw(tokensFor(own)),
        ),
        own,
      )
    : await draw(own);

  const subject = t(`${template}.subject`, {
    event: title,
    date: startsAt,
    subject: typeof payload.subject === "string" ? filled(payload.subject) : title,
    kind: typeof payload.kind === "string" ? payload.kind : "",
  });
  return {
    to: { name: `${registration.firstName} ${registration.lastName}`, address: registration.email },
    replyTo: event.contactEmail ?? undefined,
    subject,
    html,
    text,
    attachments: [
      ...logos.map(({ attachment }) => attachment),
      ...(SEAT_LETTERS.has(template)
        ? await seatAttachments({ registration, locale, parts })
        : certificate
          ? [{ filename: certificate.filename, content: certificate.pdf, contentType: "application/pdf" }]
          : []),
    ],
  };
}

async function preTestLink({
  registrationId,
  eventId,
  locale,
}: {
  registrationId: string;
  eventId: string;
  locale: Locale;
}): Promise<string | undefined> {
  const links = await getInstrumentLinks({ registrationId, eventId });
  const preTest = links.find((link) => link.kind === "PRE_TEST");
  if (preTest?.state !== "open" || preTest.answered) return undefined;
  return absoluteUrl({ href: `/r/${manageToken(registrationId)}/${instrumentPaths.PRE_TEST}`, locale });
}

async function seatAttachments({
  registration,
  locale,
  parts,
}: {
  registration: LetterRecipient;
  locale: Locale;
  parts: LetterParts;
}) {
  const { event } = registration;
  const calendar = await parts(`calendar:${event.id}:${locale}`, async () =>
    eventCalendar({ event, locale, url: absoluteUrl({ href: `/events/${event.slug}`, locale }) }),
  );
  return [
    {
      filename: `${event.slug}.ics`,
      content: calendar,
      contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    },
    {
      filename: "check-in.png",
      // 240 px holds the 21×21 modules of a short code at over 9 px each: plenty for a phone.
      content: qrPng(registration.checkInCode, 240),
      contentType: "image/png",
      cid: QR_CID,
    },
  ];
}

/** An organizer's message as it would reach one participant: the letter in their language, its images inline. */
export type MessagePreview = { subject: string; html: string; name: string; locale: Locale };

/**
 * The organizer's message as one registration of the event would receive it,
 * rendered by the same code as the letter it would be; null when the
 * registration is not the event's.
 */
export async function previewOrganizerMessage({
  eventId,
  registrationId,
  subject,
  message,
}: {
  eventId: string;
  registrationId: string;
  subject: LocalizedText;
  message: LocalizedText;
}): Promise<MessagePreview | null> {
  const registration = (await getLetterRegistrations([registrationId])).get(registrationId);
  if (!registration || registration.eventId !== eventId) return null;
  const { locale } = registration;
  const letter = await renderLetter({
    template: "organizer-message",
    locale,
    registration,
    payload: { subject: localize(subject, locale), message: localize(message, locale) },
  });
  return { subject: letter.subject, html: withInlineImages(letter), name: letter.to.name, locale };
}

/**
 * The confirmation and the waiting-list letters with the event's own wording
 * as the editor holds it (saved or not), as a sample participant reading
 * `locale` would receive them, rendered by the same code as the letters;
 * null when there is no such event.
 */
export async function previewLetterWording({
  eventId,
  confirmation,
  waitlist,
  locale,
  name,
}: {
  eventId: string;
  confirmation: Partial<LocalizedText>;
  waitlist: Partial<LocalizedText>;
  locale: Locale;
  /** The sample participant's first name, in the staff member's language. */
  name: string;
}): Promise<MessagePreview[] | null> {
  const event = await getLetterEvent({ eventId });
  if (!event) return null;
  const sample = {
    id: crypto.randomUUID(),
    number: 0,
    eventId,
    event: {
      ...event,
      confirmationWording: storedWording(confirmation),
      waitlistWording: storedWording(waitlist),
    },
    category: "OTHER",
    firstName: name,
    patronymic: null,
    lastName: "",
    email: "",
    checkInCode: generateCheckInCode(),
  } as const;
  const letters = [
    { template: "registration-confirmed", status: "CONFIRMED" },
    { template: "registration-waitlisted", status: "WAITLISTED" },
  ] as const;
  return Promise.all(
    letters.map(async ({ template, status }) => {
      const letter = await renderLetter({
        template,
        locale,
        registration: { ...sample, status },
        payload: {},
      });
      return { subject: letter.subject, html: withInlineImages(letter), name, locale };
    }),
  );
}
