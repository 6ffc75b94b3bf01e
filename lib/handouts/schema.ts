import { z } from "zod";
import { localizedInputSchema } from "@/lib/events/schema";

// What organizers send with a handout, and what may be stored: the same
// schemas check the upload route, the staff actions and the upload form.

/** 20 MiB: a deck of slides with pictures, not a video. The database holds the same limit (CHECK). */
export const MAX_HANDOUT_BYTES = 20 * 1024 * 1024;

/** The types a handout may be, read from its content, with the extensions its name may end with. */
export const handoutTypes = {
  "application/pdf": ["pdf"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
} as const satisfies Record<string, readonly string[]>;

export type HandoutType = keyof typeof handoutTypes;

/** What the file input offers; the server decides by the content all the same. */
export const handoutAccept = Object.values(handoutTypes)
  .flat()
  .map((extension) => `.${extension}`)
  .join(",");

export const handoutVisibilities = ["PUBLIC", "PARTICIPANTS", "STAFF"] as const;

/**
 * The name a file is downloaded under. A browser sends only the last part of
 * a path; anything else here is a hand-made request, refused rather than
 * guessed at: a path separator, a control or direction-changing character
 * (U+202E makes "gpj.exe" read as "exe.jpg"), a character Windows forbids,
 * a leading dot (a hidden file).
 */
export const handoutFileNameSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(200, { error: "handoutBadName" })
  .refine((name) => !/[/\\:*?"<>|\p{Cc}\p{Cf}]/u.test(name) && !name.startsWith("."), {
    error: "handoutBadName",
  });

/** The fields sent with an uploaded file, in the upload's query: the file itself is the body. */
export const handoutDetailsSchema = z.object({
  name: handoutFileNameSchema,
  title: localizedInputSchema(200),
  visibility: z.enum(handoutVisibilities, { error: "invalidChoice" }),
  /** Empty: the whole event. */
  sessionId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid().optional()),
});

export type HandoutDetails = z.infer<typeof handoutDetailsSchema>;

/** A handout named by the staff pages' forms: the event comes bound, the handout in the form. */
export const handoutIdSchema = z.object({ handoutId: z.uuid() });

/** The download's address: the participant's token only for their handouts. */
export const handoutAddressSchema = z.object({ id: z.uuid() });

/** A handout's download address; a participants' one carries the participant's token. */
export function handoutPath({ id, token }: { id: string; token?: string }): string {
  return token ? `/api/handouts/${id}?token=${encodeURIComponent(token)}` : `/api/handouts/${id}`;
}

/** "340 KB", "12.5 MB", in the reader's language. */
export function fileSizeText(bytes: number, locale: string): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: megabytes ? "megabyte" : "kilobyte",
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(Math.max(1, bytes / (megabytes ? 1024 * 1024 : 1024)));
}
