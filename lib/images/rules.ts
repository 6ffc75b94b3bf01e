// Links the event's page makes of what organizers typed: each goes to the
// one site it names, built from checked parts (lib/images/schema.ts), never
// from a whole address someone pasted.

/** A Telegram username (already checked: letters, digits, _) as its public link. */
export function telegramLink(username: string): string {
  return `https://t.me/${encodeURIComponent(username)}`;
}

/**
 * The venue on OpenStreetMap: a marker on its point when organizers gave one,
 * otherwise a search for its address. A plain link: no map is drawn here,
 * so no tile server or script is loaded by our page.
 */
export function mapLink({
  latitude,
  longitude,
  address,
}: {
  latitude: number | null;
  longitude: number | null;
  address: string;
}): string {
  if (latitude !== null && longitude !== null) {
    return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}
