import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { formatDateTime, STAFF_TIME_ZONE } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { endSessionAction } from "@/lib/staff/actions";

type StaffSessionRow = { id: string; device: string; createdAt: Date; lastSeenAt: Date };

/** The account's live sessions, this browser's marked, each with a button that ends it. */
export async function StaffSessionsList({
  sessions,
  currentId,
}: {
  sessions: StaffSessionRow[];
  currentId: string | null;
}) {
  const t = await getTranslations("admin.account");
  const locale = (await getLocale()) as Locale;
  const when = (date: Date) => formatDateTime(date, { locale, timeZone: STAFF_TIME_ZONE });
  return (
    <ul className="divide-y divide-stone-200" aria-label={t("sessions")}>
      {sessions.map((session) => (
        <li
          key={session.id}
          data-testid="staff-session"
          className="flex flex-wrap items-center justify-between gap-2 py-2"
        >
          <p>
            <strong>{session.device}</strong>
            {session.id === currentId && <span className="text-stone-600"> ({t("thisDevice")})</span>}
            <span className="block text-sm text-stone-600">
              {t("sessionTimes", { at: when(session.createdAt), seen: when(session.lastSeenAt) })}
            </span>
          </p>
          <ActionForm action={endSessionAction.bind(null, session.id)}>
            <button type="submit" className="text-sm underline hover:no-underline">
              {t("endSession")}
            </button>
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}
