import { useTranslations } from "next-intl";

/**
 * What a letter is, in the staff member's language ("Лист ожидания"), not
 * the template key the outbox keeps ("registration-waitlisted"). A template
 * added without its words shows its key rather than failing the page.
 */
export function LetterName({ template }: { template: string }) {
  const t = useTranslations("admin.letters.templates");
  return t.has(template as "reminder") ? t(template as "reminder") : template;
}
