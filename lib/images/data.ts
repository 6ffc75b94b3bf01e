import "server-only";
import { db } from "@/lib/db";

const listed = {
  id: true,
  kind: true,
  role: true,
  position: true,
  alt: true,
  hash: true,
  contentType: true,
  width: true,
  height: true,
} as const;

const order = [{ kind: "asc" as const }, { role: "asc" as const }, { position: "asc" as const }];

/** An event's cover and logos without their bytes, as pages link to them. */
export function listEventImages({ eventId }: { eventId: string }) {
  return db.eventImage.findMany({ where: { eventId }, select: listed, orderBy: order });
}

export type EventImageListing = Awaited<ReturnType<typeof listEventImages>>[number];

/** An event's logos with their bytes, for what is drawn here: PDFs, letters, the link preview. */
export function listEventLogoFiles({ eventId }: { eventId: string }) {
  return db.eventImage.findMany({
    where: { eventId, kind: "LOGO" },
    select: { ...listed, bytes: true },
    orderBy: order,
  });
}

export type LogoFile = Awaited<ReturnType<typeof listEventLogoFiles>>[number];

/**
 * The bytes a public file name stands for. Any row with the hash will do: the
 * same bytes uploaded to two events are the same file.
 */
export function getImageFile({ hash }: { hash: string }) {
  return db.eventImage.findFirst({ where: { hash }, select: { bytes: true, contentType: true } });
}

/** The public contact and the venue's point, as the images page's form shows them. */
export function getPublicContact({ eventId }: { eventId: string }) {
  return db.event.findUnique({
    where: { id: eventId },
    select: { contactPhone: true, contactTelegram: true, venueLatitude: true, venueLongitude: true },
  });
}
