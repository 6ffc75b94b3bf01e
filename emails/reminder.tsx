import { SeatLetter } from "./components/seat-letter";
import type { CheckIn, LetterProps } from "./components/types";

export default function Reminder(props: LetterProps & { checkIn: CheckIn; startsAt: string }) {
  return <SeatLetter {...props} template="reminder" bodyValues={{ date: props.startsAt }} />;
}
