import { NoticeLetter } from "./components/notice-letter";
import type { LetterProps } from "./components/types";

export default function RegistrationWaitlisted(
  props: LetterProps & { waitlistPosition: number; wording?: string },
) {
  return (
    <NoticeLetter
      {...props}
      template="registration-waitlisted"
      bodyValues={{ position: props.waitlistPosition }}
      withEvent
    />
  );
}
