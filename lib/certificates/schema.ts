import { z } from "zod";

// An empty field is no number, not zero (which z.coerce would make of it).
const blankAsNull = (value: unknown) =>
  value === "" || value === null || value === undefined ? null : value;

/** What organizers set: days to attend for a certificate (null: none given), hours stated on it. */
export const certificateSettingsSchema = z.object({
  minDays: z.preprocess(blankAsNull, z.coerce.number().int().min(1).max(14).nullable()),
  hours: z.preprocess(blankAsNull, z.coerce.number().int().min(1).max(1000).nullable()),
});

export type CertificateSettings = z.infer<typeof certificateSettingsSchema>;
