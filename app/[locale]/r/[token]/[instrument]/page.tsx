import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { InstrumentAnswer } from "@/components/outcomes/instrument-answer";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";
import { submitResponseAction } from "@/lib/outcomes/actions";
import { getParticipantInstrument } from "@/lib/outcomes/data";
import { instrumentMetadata } from "@/lib/outcomes/metadata";
import { kindOfPath } from "@/lib/outcomes/schema";
import { getRegistrationByToken } from "@/lib/registrations/data";
import { manageTokenSchema } from "@/lib/registrations/tokens";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/r/[token]/[instrument]">) {
  return instrumentMetadata(await params);
}

/**
 * A pre-test, post-test or feedback survey, by the participant's personal
 * link (docs/decisions/032-outcome-instruments.md): the form while it is
 * open and not yet answered, otherwise a page that says why not.
 */
export default async function InstrumentPage({ params }: PageProps<"/[locale]/r/[token]/[instrument]">) {
  const { locale, token, instrument: path } = await params;
  setRequestLocale(locale);
  const kind = kindOfPath(path);
  if (!kind || !manageTokenSchema.safeParse(token).success) notFound();
  const registration = await getRegistrationByToken({ token });
  if (!registration) return <NotFoundMessage namespace="manage" />;
  const found = await getParticipantInstrument({ token, kind });
  if (!found) notFound();
  const t = await getTranslations("outcomes");
  return (
    <InstrumentAnswer
      found={found}
      eventTitle={localize(registration.event.title, locale as Locale)}
      action={submitResponseAction.bind(null, { token, kind, locale: locale as Locale })}
      back={{ href: `/r/${token}`, label: t("back") }}
    />
  );
}
