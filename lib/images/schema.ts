import { z } from "zod";
import { localizedInputSchema } from "@/lib/events/schema";

// What organizers send about an event's images and its public contact; the
// same schemas check the upload route, the staff actions and the seed.

/** An upload larger than this is refused before its body is read to the end. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const partyRoles = ["ORGANIZER", "PARTNER", "FUNDER"] as const;

/** The cover, or a logo of one party's role. */
export const imageSlotSchema = z.enum(["COVER", ...partyRoles], { error: "invalidChoice" });

/** The fields sent with an uploaded file: where it goes and what it shows, per language. */
export const imageDetailsSchema = z.object({
  slot: imageSlotSchema,
  alt: localizedInputSchema(200),
});

export type ImageDetails = z.infer<typeof imageDetailsSchema>;

/** An image's public file name: its content hash and the extension of its type. */
export const imageFileSchema = z.object({
  file: z.string().regex(/^[0-9a-f]{64}\.(webp|png)$/),
});

export const imageExtensions = { "image/webp": "webp", "image/png": "png" } as const;

export type ImageContentType = keyof typeof imageExtensions;

export function imagePath({ hash, contentType }: { hash: string; contentType: string }): string {
  return `/api/images/${hash}.${imageExtensions[contentType as ImageContentType]}`;
}

/** An image named by the staff pages' forms: the event it belongs to comes bound, the image in the form. */
export const imageIdSchema = z.object({ imageId: z.uuid() });

export const moveImageSchema = imageIdSchema.extend({ direction: z.enum(["up", "down"]) });

const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const coordinate = (limit: number) =>
  z.preprocess(
    blankAsNull,
    z.coerce
      .number({ error: "invalidNumber" })
      .min(-limit, { error: "invalidNumber" })
      .max(limit, { error: "invalidNumber" })
      .nullable(),
  );

/**
 * The event's contact besides its email, and the venue's point for a map
 * link. A Telegram contact is a username (5–32 letters, digits or _), kept
 * without "@" or an address, so the link we make of it always goes to t.me.
 */
export const publicContactSchema = z
  .object({
    phone: z.preprocess(
      blankAsNull,
      z
        .string()
        .trim()
        .regex(/^\+?[\d\s()-]{5,24}$/, { error: "invalidPhone" })
        .nullable(),
    ),
    telegram: z.preprocess(
      (value) =>
        typeof value === "string"
          ? blankAsNull(value.trim().replace(/^(https?:\/\/)?(t\.me\/|telegram\.me\/)|^@/i, ""))
          : value,
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_]{4,31}$/, { error: "invalidTelegram" })
        .nullable(),
    ),
    latitude: coordinate(90),
    longitude: coordinate(180),
  })
  .superRefine((contact, context) => {
    // A point needs both; one alone would put the marker nowhere.
    if ((contact.latitude === null) !== (contact.longitude === null)) {
      const missing = contact.latitude === null ? "latitude" : "longitude";
      context.addIssue({ code: "custom", path: [missing], message: "required" });
    }
  });

export type PublicContact = z.infer<typeof publicContactSchema>;
