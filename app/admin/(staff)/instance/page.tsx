import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { backupDirectory } from "@/lib/backup/backup";
import { getLatestBackupRuns } from "@/lib/backup/data";
import { usesEmbeddedDatabase } from "@/lib/backup/job";
import { backupWarning } from "@/lib/backup/rules";
import { getEnv } from "@/lib/env";
import { formatDateTime, STAFF_TIME_ZONE } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { ADMINS, requireStaff } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

/** Admins: whether this installation's data is safe — its backups, and a warning when they are not. */
export default async function InstancePage() {
  await requireStaff(ADMINS);
  const t = await getTranslations("admin.instance");
  const locale = (await getLocale()) as Locale;
  const [{ lastAttempt, lastSuccess }, embedded] = await Promise.all([
    getLatestBackupRuns(),
    usesEmbeddedDatabase(),
  ]);
  const { BACKUP_AT, BACKUP_KEEP } = getEnv();
  const when = (date: Date) => formatDateTime(date, { locale, timeZone: STAFF_TIME_ZONE });
  const size = (bytes: bigint | null) => {
    const megabytes = Number(bytes ?? 0) / 1_000_000;
    return new Intl.NumberFormat(locale, {
      style: "unit",
      unit: megabytes < 1 ? "kilobyte" : "megabyte",
      maximumFractionDigits: 1,
    }).format(megabytes < 1 ? megabytes * 1000 : megabytes);
  };
  // With an external database and no backup recorded, Kattoo is not the one
  // to back it up: explain, rather than warn about what it never does.
  const warning =
    embedded || lastAttempt ? backupWarning({ now: new Date(), lastAttempt, lastSuccess }) : undefined;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} />
      <Panel id="backups" title={t("backups")} boxed>
        {warning === "failed" && lastAttempt && (
          <Notice tone="error">
            {t("warning.failed", { time: when(lastAttempt.startedAt), error: lastAttempt.error ?? "" })}
          </Notice>
        )}
        {warning === "stale" && <Notice tone="warning">{t("warning.stale")}</Notice>}
        {warning === "never" && <Notice tone="warning">{t("warning.never")}</Notice>}
        {lastSuccess && (
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("lastBackup")}</dt>
            <dd>{when(lastSuccess.startedAt)}</dd>
            <dt className="font-medium">{t("size")}</dt>
            <dd>{size(lastSuccess.sizeBytes)}</dd>
            <dt className="font-medium">{t("file")}</dt>
            <dd className="break-all font-mono text-sm">{lastSuccess.file}</dd>
          </dl>
        )}
        <p className="text-sm text-stone-600">
          {embedded
            ? t("schedule", { at: BACKUP_AT, keep: BACKUP_KEEP, folder: backupDirectory() })
            : t("external")}
        </p>
        <p className="text-sm text-stone-600">{t("restore")}</p>
      </Panel>
    </div>
  );
}
