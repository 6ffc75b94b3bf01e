// What every letter receives. The worker builds it from the registration as
// it is when the letter goes out (lib/emails/render.ts).

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type LetterEvent = {
  title: string;
  dates: string;
  venue: string;
  organizers: string[];
  /** The donors' logos at the top of every letter, attached inline (cid:) so no client has to fetch them. */
  logos: LetterLogo[];
  /** The programme in short, for those who hold a seat; null while it has no sessions. */
  programme: LetterProgramme | null;
};

/** Each day's first and last session ("09:00 Opening"), and where the whole programme is. */
export type LetterProgramme = { days: { date: string; first: string; last: string | null }[]; url: string };

export type LetterLogo = { cid: string; alt: string; width: number; height: number };

export type LetterProps = {
  t: Translate;
  locale: string;
  participantName: string;
  event: LetterEvent;
  manageUrl: string;
};

/** A confirmed seat: the check-in code, in words and as an inline QR image. */
export type CheckIn = { code: string; qrImageCid: string };
