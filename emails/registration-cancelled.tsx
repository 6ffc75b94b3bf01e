import { NoticeLetter } from "./components/notice-letter";
import type { LetterProps } from "./components/types";

export default function RegistrationCancelled(props: LetterProps) {
  return <NoticeLetter {...props} template="registration-cancelled" />;
}
