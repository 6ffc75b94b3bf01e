import { SeatLetter } from "./components/seat-letter";
import type { CheckIn, LetterProps } from "./components/types";

export default function RegistrationConfirmed(
  props: LetterProps & { checkIn: CheckIn; preTestUrl?: string; wording?: string },
) {
  return <SeatLetter {...props} template="registration-confirmed" />;
}
