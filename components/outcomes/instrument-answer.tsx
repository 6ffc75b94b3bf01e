import { getTranslations } from "next-intl/server";
import type { ComponentProps } from "react";
import { InstrumentForm } from "@/components/outcomes/instrument-form";
import { buttonClass } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";
import type { ParticipantInstrument } from "@/lib/outcomes/data";
import { ACTIVE_STATUSES } from "@/lib/registrations/rules";

/**
 * An instrument as a participant answers it, by their link or in the room:
 * the form while it is open and not yet answered, otherwise a notice that
 * says why not, with the way back.
 */
export async function InstrumentAnswer({
  found,
  eventTitle,
  action,
  back,
}: {
  found: ParticipantInstrument;
  eventTitle: string;
  action: ComponentProps<typeof InstrumentForm>["action"];
  back: { href: string; label: string };
}) {
  const t = await getTranslations("outcomes");
  const { kind } = found.instrument;
  const active = (ACTIVE_STATUSES as readonly string[]).includes(found.registration.status);
  const notice = !active
    ? t("notAllowed")
    : found.answered
      ? t("answered")
      : found.state !== "open"
        ? t(found.state === "closed" ? "closed" : "notOpen")
        : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t(`title.${kind}`)}</h1>
        <p className="text-stone-700">{eventTitle}</p>
      </header>
      {notice ? (
        <div className="space-y-4">
          <p
            role="status"
            className="rounded-md border border-stone-300 bg-white p-4 text-lg font-medium"
            data-testid="instrument-notice"
          >
            {notice}
          </p>
          <Link href={back.href} className={buttonClass("secondary")}>
            {back.label}
          </Link>
        </div>
      ) : (
        <>
          <p className="text-stone-700">
            {t(`intro.${kind}`)} {found.instrument.anonymous && t("anonymous")}
          </p>
          <InstrumentForm
            action={action}
            questions={found.questions}
            labels={{ legend: t("questions"), send: t("send"), sending: t("sending") }}
          />
        </>
      )}
    </div>
  );
}
