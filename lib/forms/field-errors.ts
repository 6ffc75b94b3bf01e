import type { z } from "zod";

/**
 * Field errors keyed by their dotted path ("email", "title.ru", "days.1.end"),
 * the first of each. The messages are error keys, translated where shown.
 */
export function fieldErrors<Key extends string = string>(error: z.ZodError): Record<string, Key> {
  const errors: Record<string, Key> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "form";
    errors[path] ??= issue.message as Key;
  }
  return errors;
}
