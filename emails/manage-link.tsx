import { NoticeLetter } from "./components/notice-letter";
import type { LetterProps } from "./components/types";

export default function ManageLink(props: LetterProps) {
  return <NoticeLetter {...props} template="manage-link" />;
}
