// What every letter receives. The worker builds it from the registration as
// it is when the letter goes out (lib/emails/render.ts).

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type LetterEvent = {
  title: string;
  dates: string;
  venue: string;
  organizers: string[];
};

export type LetterProps = {
  t: Translate;
  locale: string;
  participantName: string;
  event: LetterEvent;
  manageUrl: string;
};

/** A confirmed seat: the check-in code, in words and as an inline QR image. */
export type CheckIn = { code: string; qrImageCid: string };
