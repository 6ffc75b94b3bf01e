import { NoticeLetter } from "./components/notice-letter";
import type { LetterProps } from "./components/types";

/** To those who attended: the seminar's handouts are on their participant page, which the letter's button opens. */
export default function HandoutsOnline(props: LetterProps) {
  return <NoticeLetter {...props} template="handouts-online" />;
}
