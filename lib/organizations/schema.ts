import { z } from "zod";

// Partner organizations (docs/decisions/041-partner-organizations.md). Error
// codes are message keys of admin.organizations.errors.

/** Trimmed, 1 to 200 characters; unique whatever its case (the database's index). */
export const organizationNameSchema = z
  .string({ error: "badName" })
  .trim()
  .min(1, { error: "badName" })
  .max(200, { error: "badName" });

export const organizationFormSchema = z.object({ name: organizationNameSchema });

/** An organization chosen in a select: its id, or "" for none (null). */
export const organizationChoiceSchema = z
  .union([z.uuid(), z.literal("")], { error: "unknownOrganization" })
  .transform((id) => id || null);
