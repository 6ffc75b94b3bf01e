/**
 * What a letter shares with the event's other letters in its language (the
 * logos, the programme in short, the calendar file, the letter itself drawn
 * with tokens: decision 046), each made once for as long as the keeper lives. The worker takes a new keeper for each batch it
 * claims: a batch's letters read the event once, and no letter uses a part
 * older than its batch. A preview takes none and makes each part anew.
 */
export function letterParts() {
  const kept = new Map<string, Promise<unknown>>();
  return <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let part = kept.get(key) as Promise<T> | undefined;
    if (!part) {
      part = make();
      kept.set(key, part);
    }
    return part;
  };
}

export type LetterParts = ReturnType<typeof letterParts>;
