import { z } from "zod";
import { unknownPlaceholders } from "@/lib/emails/rules";

// An organizer's message to participants, written in ru / ky / en: Russian
// required, a language left empty falls back to it. Placeholders are checked
// here, for the form and the server alike.

const messageText = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .max(max, { error: "tooLong" })
    .refine((text) => unknownPlaceholders(text).length === 0, { error: "unknownPlaceholder" });

const localizedMessageText = (max: number) =>
  z.object({
    ru: messageText(max).min(1, { error: "required" }),
    ky: messageText(max).optional(),
    en: messageText(max).optional(),
  });

export const organizerMessageFields = {
  subject: localizedMessageText(150),
  message: localizedMessageText(5000),
};
