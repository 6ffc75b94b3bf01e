import { NoticeLetter } from "./components/notice-letter";
import type { LetterProps } from "./components/types";

export default function RegistrationPending(props: LetterProps) {
  return <NoticeLetter {...props} template="registration-pending" withEvent />;
}
