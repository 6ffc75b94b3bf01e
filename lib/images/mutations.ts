import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { lockEventRow } from "@/lib/events/lock";
import type { EncodedImage } from "@/lib/images/encode";
import type { ImageDetails, PublicContact } from "@/lib/images/schema";

type NotFound = { ok: false; reason: "not_found" };

/**
 * Stores an encoded image: a new cover replaces the old one (an event has
 * one, a partial unique index says so), a logo goes last among its role's.
 * The event row is locked so two uploads at once cannot take one position.
 */
export async function addEventImage({
  eventId,
  details,
  image,
  actor,
}: {
  eventId: string;
  details: ImageDetails;
  image: EncodedImage;
  actor: Actor;
}): Promise<{ ok: true; id: string } | NotFound> {
  return db.$transaction(async (tx) => {
    if (!(await lockEventRow(tx, eventId))) return { ok: false, reason: "not_found" };
    const kind = details.slot === "COVER" ? "COVER" : "LOGO";
    const role = details.slot === "COVER" ? null : details.slot;
    if (kind === "COVER") await tx.eventImage.deleteMany({ where: { eventId, kind: "COVER" } });
    const last = await tx.eventImage.aggregate({ where: { eventId, kind, role }, _max: { position: true } });
    const created = await tx.eventImage.create({
      data: {
        eventId,
        kind,
        role,
        position: (last._max.position ?? -1) + 1,
        alt: details.alt,
        hash: image.hash,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        bytes: new Uint8Array(image.bytes),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "event.image_added",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { imageId: created.id, slot: details.slot, hash: image.hash },
    });
    return { ok: true, id: created.id };
  });
}

export async function removeEventImage({
  eventId,
  imageId,
  actor,
}: {
  eventId: string;
  imageId: string;
  actor: Actor;
}): Promise<{ ok: true } | NotFound> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.eventImage.deleteMany({ where: { id: imageId, eventId } });
    if (count === 0) return { ok: false, reason: "not_found" };
    await recordAudit(tx, {
      actor,
      action: "event.image_removed",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { imageId },
    });
    return { ok: true };
  });
}

/** Swaps a logo with its neighbour among the logos of the same role; at an end, nothing moves. */
export async function moveEventImage({
  eventId,
  imageId,
  direction,
}: {
  eventId: string;
  imageId: string;
  direction: "up" | "down";
}): Promise<{ ok: true } | NotFound> {
  return db.$transaction(async (tx) => {
    await lockEventRow(tx, eventId);
    const image = await tx.eventImage.findFirst({
      where: { id: imageId, eventId, kind: "LOGO" },
      select: { id: true, role: true, position: true },
    });
    if (!image) return { ok: false, reason: "not_found" };
    const neighbour = await tx.eventImage.findFirst({
      where: {
        eventId,
        kind: "LOGO",
        role: image.role,
        position: direction === "up" ? { lt: image.position } : { gt: image.position },
      },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return { ok: true };
    await tx.eventImage.update({ where: { id: image.id }, data: { position: neighbour.position } });
    await tx.eventImage.update({ where: { id: neighbour.id }, data: { position: image.position } });
    return { ok: true };
  });
}

export async function savePublicContact({
  eventId,
  contact,
  actor,
}: {
  eventId: string;
  contact: PublicContact;
  actor: Actor;
}): Promise<{ ok: true } | NotFound> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.event.updateMany({
      where: { id: eventId },
      data: {
        contactPhone: contact.phone,
        contactTelegram: contact.telegram,
        venueLatitude: contact.latitude,
        venueLongitude: contact.longitude,
      },
    });
    if (count === 0) return { ok: false, reason: "not_found" };
    // Which fields are set, not what they say: a phone number is personal data.
    await recordAudit(tx, {
      actor,
      action: "event.public_contact_changed",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: {
        phone: contact.phone !== null,
        telegram: contact.telegram !== null,
        venuePoint: contact.latitude !== null,
      },
    });
    return { ok: true };
  });
}
