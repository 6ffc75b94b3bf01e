import { useTranslations } from "next-intl";

// The one home of a status's word and colour in the staff area: a
// registration's, an event's and a letter's, in the staff member's language,
// never the code the database keeps ("PUBLISHED"). Colour only repeats the
// word, for a glance down a list; the word alone says it.

const words = {
  registration: "admin.status",
  event: "admin.eventForm.statuses",
  letter: "admin.registration.letterStatus",
} as const;

/** Settled and good; waiting on someone; stopped; set aside. */
const tones = {
  good: "bg-brand-50 text-brand-900 ring-brand-100",
  waiting: "bg-amber-50 text-amber-900 ring-amber-300",
  stopped: "bg-red-50 text-red-800 ring-red-200",
  aside: "bg-stone-100 text-stone-700 ring-stone-300",
} as const;

const statusTones: Record<string, keyof typeof tones> = {
  CONFIRMED: "good",
  PUBLISHED: "good",
  SENT: "good",
  PENDING: "waiting",
  WAITLISTED: "waiting",
  QUEUED: "waiting",
  SENDING: "waiting",
  DRAFT: "waiting",
  DECLINED: "stopped",
  FAILED: "stopped",
  CANCELLED: "aside",
  CLOSED: "aside",
  ARCHIVED: "aside",
};

export type StatusKind = keyof typeof words;

/** A status as a word in a coloured pill. */
export function StatusBadge({ kind, status }: { kind: StatusKind; status: string }) {
  const t = useTranslations(words[kind]);
  return (
    <span
      data-status={status}
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-sm font-medium ring-1 ring-inset ${tones[statusTones[status] ?? "aside"]}`}
    >
      {t(status as "PENDING")}
    </span>
  );
}
