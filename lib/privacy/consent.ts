import type { Locale } from "@/lib/i18n/routing";

// Every version of the consent text a participant agreed to, word for word,
// in each language, by the version stored with the registration
// (registration.consent_version). The form shows the current one from the
// messages; tests/unit/consent.test.ts fails when the messages change
// without a new version here. Never edit or remove a version once used.
// See docs/decisions/007-personal-data.md.

export const consentTexts: Record<string, Record<Locale, string>> = {
  "2026-11-26": {
    ru: "Я согласен(на) на обработку моих персональных данных организаторами семинара для регистрации, связи со мной и отчётности перед донорами, в соответствии с Законом Кыргызской Республики «Об информации персонального характера».",
    ky: "Кыргыз Республикасынын «Жеке мүнөздөгү маалымат жөнүндө» Мыйзамына ылайык, семинардын уюштуруучулары менин жеке маалыматтарымды каттоо, мени менен байланышуу жана донорлорго отчет берүү максатында иштетүүсүнө макулмун.",
    en: "I consent to the seminar's organizers processing my personal data for registration, contacting me and reporting to donors, under the Law of the Kyrgyz Republic “On Personal Information”.",
  },
};
