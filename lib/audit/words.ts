import "server-only";
import { createTranslator } from "next-intl";
import type { AuditWords } from "@/lib/audit/describe";
import { localize } from "@/lib/events/schema";
import { formatDate } from "@/lib/i18n/dates";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Locale } from "@/lib/i18n/routing";
import type { QuestionText } from "@/lib/questions/schema";

const messages = { ru, ky, en } as const;

/**
 * The audit log's words in the staff member's language. An action or a
 * detail that has no words yet (one added since) is shown by its code rather
 * than failing the page. Read from the messages outside of a request, so
 * its tests need no Next.js.
 */
export function auditWords(locale: Locale): AuditWords {
  const from = <N extends string>(namespace: N) =>
    createTranslator({ locale, messages: messages[locale], namespace: namespace as "admin.audit" });
  const audit = from("admin.audit");
  const status = from("admin.status");
  const eventStatus = from("admin.eventForm.statuses");
  const roles = from("admin.staff.roles");
  const eventRoles = from("admin.team.roles");
  const category = from("category");
  const letters = from("admin.letters.templates");
  const columns = from("admin.exports.columns");
  const instruments = from("outcomes.title");
  const known = (t: typeof audit, key: string) => (t.has(key as "title") ? t(key as "title") : undefined);
  return {
    action: (action) => known(audit, `actions.${action}`),
    detail: (key) => known(audit, `labels.${key}`),
    field: (key) => known(columns, key),
    registrationStatus: (code) => known(status, code) ?? code,
    eventStatus: (code) => known(eventStatus, code) ?? code,
    role: (code) => known(roles, code) ?? code,
    eventRole: (code) => known(eventRoles, code) ?? code,
    category: (code) => known(category, code) ?? code,
    letter: (template) => known(letters, template) ?? template,
    instrument: (kind) => known(instruments, kind) ?? kind,
    eventTitle: (title) => localize(title as QuestionText, locale),
    date: (date, timeZone) => formatDate(date, { locale, timeZone }),
    yes: audit("yes"),
    no: audit("no"),
    gone: audit("gone"),
  };
}
