import { Text } from "@react-email/components";
import { EventSummary } from "./event-summary";
import { Letter } from "./letter";
import { Paragraphs } from "./paragraphs";
import type { LetterProps } from "./types";

/** A letter that tells a participant where their registration stands. */
export function NoticeLetter(
  props: LetterProps & {
    template:
      | "registration-pending"
      | "registration-waitlisted"
      | "registration-declined"
      | "registration-cancelled"
      | "manage-link"
      | "handouts-online";
    bodyValues?: Record<string, string | number>;
    withEvent?: boolean;
    /** The event's own paragraph for this letter, in the participant's language (lib/emails/rules.ts). */
    wording?: string;
  },
) {
  const { t, event, template, bodyValues, withEvent = false, wording } = props;
  const body = t(`${template}.body`, { event: event.title, ...bodyValues });
  return (
    <Letter
      {...props}
      heading={t(`${template}.heading`)}
      preview={body}
      ended={template === "registration-declined" || template === "registration-cancelled"}
    >
      <Text>{body}</Text>
      {wording && <Paragraphs text={wording} />}
      {withEvent && <EventSummary t={t} event={event} />}
    </Letter>
  );
}
