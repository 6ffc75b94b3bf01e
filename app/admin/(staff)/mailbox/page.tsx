import { getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { formatDateTime, STAFF_TIME_ZONE } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { listMailbox } from "@/lib/mailbox/data";
import { ALL_STAFF, requireSome, requireStaff, staffEvents } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  const staff = await requireStaff(ALL_STAFF);
  const events = requireSome((await staffEvents(staff)).scope("event.letters"));
  const t = await getTranslations("admin.mailbox");
  const locale = (await getLocale()) as Locale;
  const letters = await listMailbox({ events });
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")}>
        <p className="text-stone-700">{t("explain")}</p>
      </PageHeader>
      <DataTable
        rows={letters}
        rowKey={(letter) => letter.id}
        empty={t("empty")}
        // The subject first and wide enough to read on a phone; the rest scrolls sideways.
        columns={[
          {
            key: "subject",
            header: t("subject"),
            rowHeader: true,
            className: "min-w-56",
            cell: (letter) => (
              <StaffLink href={`/admin/mailbox/${letter.id}`} className="text-brand-700 underline">
                {letter.subject}
              </StaffLink>
            ),
          },
          { key: "to", header: t("to"), cell: (letter) => letter.toAddress },
          {
            key: "at",
            header: t("at"),
            cell: (letter) => formatDateTime(letter.createdAt, { locale, timeZone: STAFF_TIME_ZONE }),
            className: "min-w-28",
          },
        ]}
      />
    </div>
  );
}
