import { z } from "zod";

// An empty field is no number, not zero (which z.coerce would make of it).
const blankAsNull = (value: unknown) =>
  value === "" || value === null || value === undefined ? null : value;

/**
 * What organizers set: days to attend for a certificate (null: none given),
 * hours stated on it, and whether it also waits for the post-test and/or the
 * feedback survey (ignored when the event gives no certificates).
 */
export const certificateSettingsSchema = z
  .object({
    minDays: z.preprocess(blankAsNull, z.coerce.number().int().min(1).max(14).nullable()),
    hours: z.preprocess(blankAsNull, z.coerce.number().int().min(1).max(1000).nullable()),
    requiresPostTest: z.boolean().default(false),
    requiresFeedback: z.boolean().default(false),
  })
  .transform((settings) =>
    settings.minDays === null ? { ...settings, requiresPostTest: false, requiresFeedback: false } : settings,
  );

export type CertificateSettings = z.output<typeof certificateSettingsSchema>;
