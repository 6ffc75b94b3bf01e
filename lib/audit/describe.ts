import { fullName } from "@/lib/registrations/names";

// An audit entry as a staff member reads it: what was done in words, whom or
// what it concerned as a link, and its data as a few labelled lines, never the
// raw JSON with ids. Pure, so the page only draws it; the words come in from
// the messages, the names from auditSubjects (lib/audit/data.ts).

export type AuditEntryView = {
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
};

/** What an entry names by id, found by auditSubjects. */
export type AuditNames = {
  registrations: Map<string, { lastName: string; firstName: string; patronymic: string | null }>;
  events: Map<string, { title: unknown }>;
  staff: Map<string, { email: string }>;
  letters: Map<string, { template: string; registrationId: string | null }>;
  days: Map<string, { startsAt: Date; timeZone: string }>;
};

export type AuditWords = {
  /** The action in words, or undefined when it has none yet. */
  action: (action: string) => string | undefined;
  /** A detail's label, or undefined. */
  detail: (key: string) => string | undefined;
  /** A registration's field ("lastName"), or undefined. */
  field: (key: string) => string | undefined;
  registrationStatus: (status: string) => string;
  eventStatus: (status: string) => string;
  role: (role: string) => string;
  /** A role on an event's team. */
  eventRole: (role: string) => string;
  category: (category: string) => string;
  letter: (template: string) => string;
  /** A pre-test, post-test or feedback survey by its kind. */
  instrument: (kind: string) => string;
  eventTitle: (title: unknown) => string;
  date: (date: Date, timeZone: string) => string;
  yes: string;
  no: string;
  /** A registration, event or account no longer there. */
  gone: string;
};

export type AuditLine = { label: string; text: string; href?: string };

export type AuditDescription = { action: string; subject?: AuditLine; details: AuditLine[] };

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read first, in this order; PostgreSQL's jsonb keeps keys shortest first ("to" before "from"). */
const FIRST = ["from", "to", "status"];
const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);

/** Data kept for the record that says nothing to a reader: a phone's mark id, an image's hash. */
const UNREAD = new Set(["clientMarkId", "hash", "imageId"]);

function subjectOf(entry: AuditEntryView, names: AuditNames, words: AuditWords): AuditLine | undefined {
  const label = words.detail(`entity.${entry.entityType}`) ?? entry.entityType;
  switch (entry.entityType) {
    case "registration": {
      const person = names.registrations.get(entry.entityId);
      return person
        ? { label, text: fullName(person), href: `/admin/registrations/${entry.entityId}` }
        : { label, text: words.gone };
    }
    case "event": {
      const event = names.events.get(entry.entityId);
      return event
        ? { label, text: words.eventTitle(event.title), href: `/admin/events/${entry.entityId}` }
        : { label, text: words.gone };
    }
    case "staff_user": {
      const staff = names.staff.get(entry.entityId);
      return staff ? { label, text: staff.email, href: "/admin/staff" } : { label, text: words.gone };
    }
    case "outbox_message": {
      const letter = names.letters.get(entry.entityId);
      if (!letter) return { label, text: words.gone };
      return {
        label,
        text: words.letter(letter.template),
        href: letter.registrationId ? `/admin/registrations/${letter.registrationId}` : undefined,
      };
    }
    default:
      return undefined;
  }
}

/** One value in words: a status as its word, a day as its date, yes or no, a list joined. */
function wordsFor(
  { action, key, value }: { action: string; key: string; value: unknown },
  names: AuditNames,
  words: AuditWords,
): Omit<AuditLine, "label"> {
  if (typeof value === "boolean") return { text: value ? words.yes : words.no };
  if (value === null || value === undefined) return { text: "—" };
  if (Array.isArray(value)) {
    // A list of ids (an export's questions) says nothing but how many.
    if (value.length > 0 && value.every((item) => typeof item === "string" && ID.test(item))) {
      return { text: String(value.length) };
    }
    const each = value.map((item) =>
      key === "fields" || key === "columns" ? (words.field(String(item)) ?? String(item)) : String(item),
    );
    return { text: each.join(", ") || "—" };
  }
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined && inner !== null && inner !== "")
      .map(([inner, innerValue]) => {
        const label = words.detail(inner) ?? words.field(inner) ?? inner;
        return `${label}: ${wordsFor({ action, key: inner, value: innerValue }, names, words).text}`;
      });
    return { text: parts.join("; ") || "—" };
  }
  const text = String(value);
  if (action === "event.duplicated" && key === "from") {
    const event = names.events.get(text);
    return event
      ? { text: words.eventTitle(event.title), href: `/admin/events/${text}` }
      : { text: words.gone };
  }
  // Organizations' names as they were (decision 041).
  if (action === "event.moved" || action.startsWith("organization.")) return { text };
  if (key === "from" || key === "to" || key === "status" || key === "role") {
    if (action.startsWith("staff.")) return { text: words.role(text) };
    if (action.startsWith("team.")) return { text: words.eventRole(text) };
    if (action.startsWith("event.")) return { text: words.eventStatus(text) };
    return { text: words.registrationStatus(text) };
  }
  if (key === "category") return { text: words.category(text) };
  if (key === "template") return { text: words.letter(text) };
  if (key === "kind") return { text: words.instrument(text) };
  if (key === "day") {
    const day = names.days.get(text);
    return { text: day ? words.date(day.startsAt, day.timeZone) : words.gone };
  }
  return { text };
}

export function describeAuditEntry(
  entry: AuditEntryView,
  names: AuditNames,
  words: AuditWords,
): AuditDescription {
  const data =
    entry.data && typeof entry.data === "object" && !Array.isArray(entry.data)
      ? (entry.data as Record<string, unknown>)
      : {};
  const details = Object.entries(data)
    .filter(([key]) => !UNREAD.has(key))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => ({
      label: words.detail(key) ?? words.field(key) ?? key,
      ...wordsFor({ action: entry.action, key, value }, names, words),
    }));
  return {
    action: words.action(entry.action) ?? entry.action,
    subject: subjectOf(entry, names, words),
    details,
  };
}
