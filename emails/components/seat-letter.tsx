import { Link, Text } from "@react-email/components";
import { CheckInCode } from "./check-in-code";
import { EventSummary } from "./event-summary";
import { Letter } from "./letter";
import { Paragraphs } from "./paragraphs";
import { ProgrammeSummary } from "./programme-summary";
import type { CheckIn, LetterProps } from "./types";

/** A letter for someone who holds a seat: the event and its programme in short, the check-in code, the calendar file. */
export function SeatLetter(
  props: LetterProps & {
    template: "registration-confirmed" | "registration-promoted" | "reminder";
    checkIn: CheckIn;
    bodyValues?: Record<string, string>;
    /** The pre-test's link, while it is open and not yet answered (docs/decisions/032-outcome-instruments.md). */
    preTestUrl?: string;
    /** The event's own paragraph for this letter, in the participant's language (lib/emails/rules.ts). */
    wording?: string;
  },
) {
  const { t, event, template, checkIn, bodyValues, preTestUrl, wording } = props;
  const body = t(`${template}.body`, { event: event.title, ...bodyValues });
  return (
    <Letter {...props} heading={t(`${template}.heading`)} preview={body}>
      <Text>{body}</Text>
      {wording && <Paragraphs text={wording} />}
      <EventSummary t={t} event={event} />
      {event.programme && <ProgrammeSummary t={t} programme={event.programme} />}
      <CheckInCode t={t} checkIn={checkIn} />
      <Text>{t("calendarHint")}</Text>
      {preTestUrl && (
        <Text>
          {t("preTest")} <Link href={preTestUrl}>{t("preTestLink")}</Link>
        </Text>
      )}
    </Letter>
  );
}
