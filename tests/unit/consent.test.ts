import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import { consentTexts } from "@/lib/privacy/consent";
import { CONSENT_VERSION } from "@/lib/registrations/schema";

describe("the consent text", () => {
  it("the form shows, word for word, the text kept for the version it stores", () => {
    expect(consentTexts[CONSENT_VERSION]).toEqual({
      ru: ru.register.consent,
      ky: ky.register.consent,
      en: en.register.consent,
    });
  });
});
