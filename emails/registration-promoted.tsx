import { SeatLetter } from "./components/seat-letter";
import type { CheckIn, LetterProps } from "./components/types";

export default function RegistrationPromoted(
  props: LetterProps & { checkIn: CheckIn; preTestUrl?: string; wording?: string },
) {
  return <SeatLetter {...props} template="registration-promoted" />;
}
