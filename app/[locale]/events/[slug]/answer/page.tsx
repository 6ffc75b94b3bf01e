import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { getPublicEvent } from "@/lib/events/data";
import { eventSlugSchema, localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";
import { findRoomRegistrationAction } from "@/lib/outcomes/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/events/[slug]/answer">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "outcomes.room" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Where the room's QR handout leads (docs/decisions/043-outcome-reports.md):
 * a participant finds their registration by check-in code and last name,
 * with no account, and goes on to the post-test and the survey.
 */
export default async function RoomLookupPage({ params }: PageProps<"/[locale]/events/[slug]/answer">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const event = eventSlugSchema.safeParse(slug).success ? await getPublicEvent({ slug }) : null;
  if (!event) notFound();
  const t = await getTranslations("outcomes.room");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{localize(event.title, locale as Locale)}</p>
      </header>
      <p>{t("intro")}</p>
      <ActionForm
        action={findRoomRegistrationAction.bind(null, { slug, locale: locale as Locale })}
        className="space-y-4"
      >
        <Field id="code" label={t("code")} hint={t("codeHint")}>
          {(control) => (
            <input
              {...control}
              name="code"
              required
              maxLength={20}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className={`${inputClass} font-mono uppercase tracking-widest`}
            />
          )}
        </Field>
        <Field id="lastName" label={t("lastName")}>
          {(control) => (
            <input
              {...control}
              name="lastName"
              required
              maxLength={100}
              autoComplete="family-name"
              className={inputClass}
            />
          )}
        </Field>
        <Button type="submit" className="w-full sm:w-auto">
          {t("find")}
        </Button>
      </ActionForm>
    </div>
  );
}
