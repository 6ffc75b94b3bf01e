import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Button, buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { eraseRegistrationAction } from "@/lib/privacy/actions";

/** For admins on a registration's page: the person's data as JSON, and its erasure. */
export async function PrivacyActions({
  registration,
}: {
  registration: { id: string; anonymizedAt: Date | null; event: { timeZone: string } };
}) {
  const t = await getTranslations("admin.privacy");
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="privacy" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="privacy" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {registration.anonymizedAt ? (
        <p role="status">
          {t("erased", {
            date: formatDateTime(registration.anonymizedAt, {
              locale,
              timeZone: registration.event.timeZone,
            }),
          })}
        </p>
      ) : (
        <>
          <a href={`/admin/registrations/${registration.id}/data`} className={buttonClass("secondary")}>
            {t("exportData")}
          </a>
          <ActionForm action={eraseRegistrationAction.bind(null, registration.id)} className="space-y-3">
            <p className="text-sm text-stone-700">{t("eraseExplain")}</p>
            <label className="flex items-center gap-3">
              <input type="checkbox" name="confirm" value="yes" required className="size-5 accent-red-700" />
              <span>{t("eraseConfirm")}</span>
            </label>
            <Button type="submit" variant="danger">
              {t("erase")}
            </Button>
          </ActionForm>
        </>
      )}
    </section>
  );
}
