import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { ImageUploadForm } from "@/components/images/image-upload-form";
import { PublicContactForm } from "@/components/images/public-contact-form";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { getEventForStaff } from "@/lib/events/data";
import { localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";
import { moveEventImageAction, removeEventImageAction, savePublicContactAction } from "@/lib/images/actions";
import { getPublicContact, listEventImages } from "@/lib/images/data";
import { imagePath, partyRoles } from "@/lib/images/schema";
import { requireEventAccess } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

/** Organizers: the event's cover and logos (donors' visibility), and its public contact. */
export default async function EventImagesPage({ params }: PageProps<"/admin/events/[id]/images">) {
  const { id } = await params;
  await requireEventAccess({ event: id, permission: "event.content" });
  const event = await getEventForStaff({ id });
  if (!event) notFound();
  const [images, contact] = await Promise.all([
    listEventImages({ eventId: event.id }),
    getPublicContact({ eventId: event.id }),
  ]);
  if (!contact) notFound();
  const t = await getTranslations("admin.images");
  const locale = (await getLocale()) as Locale;
  const cover = images.find((image) => image.kind === "COVER");
  const remove = removeEventImageAction.bind(null, event.id);
  const move = moveEventImageAction.bind(null, event.id);

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        context={localize(event.title, locale)}
        contextHref={`/admin/events/${event.id}`}
        title={t("title")}
      >
        <p className="text-sm text-stone-600">{t("hint")}</p>
      </PageHeader>

      <Panel id="cover" title={t("cover")} boxed className="space-y-4">
        {cover ? (
          <div className="space-y-2">
            {/* biome-ignore lint/performance/noImgElement: our own re-encoded file, cached by its hash */}
            <img
              src={imagePath(cover)}
              alt={localize(cover.alt, locale)}
              width={cover.width}
              height={cover.height}
              className="h-auto w-full rounded-md border border-stone-200"
            />
            <ActionForm action={remove}>
              <input type="hidden" name="imageId" value={cover.id} />
              <Button type="submit" variant="secondary">
                {t("remove")}
              </Button>
            </ActionForm>
          </div>
        ) : (
          <p className="text-stone-600">{t("noCover")}</p>
        )}
        <ImageUploadForm eventId={event.id} cover />
      </Panel>

      <Panel id="logos" title={t("logos")} hint={t("logosHint")} boxed className="space-y-4">
        {partyRoles.map((role) => {
          const logos = images.filter((image) => image.role === role);
          if (logos.length === 0) return null;
          return (
            <div key={role} className="space-y-2">
              <h3 className="font-medium">{t(`rolesPlural.${role}`)}</h3>
              <ul className="divide-y divide-stone-200 rounded-md border border-stone-200">
                {logos.map((logo, index) => (
                  <li key={logo.id} className="flex flex-wrap items-center gap-3 p-3">
                    {/* biome-ignore lint/performance/noImgElement: our own re-encoded file, cached by its hash */}
                    <img
                      src={imagePath(logo)}
                      alt=""
                      width={logo.width}
                      height={logo.height}
                      className="h-12 w-auto max-w-40 object-contain"
                    />
                    <span className="min-w-40 flex-1">{localize(logo.alt, locale)}</span>
                    <div className="flex flex-wrap gap-2">
                      {index > 0 && (
                        <ActionForm action={move}>
                          <input type="hidden" name="imageId" value={logo.id} />
                          <input type="hidden" name="direction" value="up" />
                          <Button
                            type="submit"
                            variant="secondary"
                            aria-label={t("upNamed", { name: localize(logo.alt, locale) })}
                          >
                            {t("up")}
                          </Button>
                        </ActionForm>
                      )}
                      {index < logos.length - 1 && (
                        <ActionForm action={move}>
                          <input type="hidden" name="imageId" value={logo.id} />
                          <input type="hidden" name="direction" value="down" />
                          <Button
                            type="submit"
                            variant="secondary"
                            aria-label={t("downNamed", { name: localize(logo.alt, locale) })}
                          >
                            {t("down")}
                          </Button>
                        </ActionForm>
                      )}
                      <ActionForm action={remove}>
                        <input type="hidden" name="imageId" value={logo.id} />
                        <Button
                          type="submit"
                          variant="secondary"
                          aria-label={t("removeNamed", { name: localize(logo.alt, locale) })}
                        >
                          {t("remove")}
                        </Button>
                      </ActionForm>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        {images.every((image) => image.kind === "COVER") && <p className="text-stone-600">{t("noLogos")}</p>}
        <h3 className="font-medium">{t("addLogo")}</h3>
        <ImageUploadForm eventId={event.id} cover={false} />
      </Panel>

      <Panel
        id="contact"
        title={t("contact.title")}
        hint={t("contact.hint", { email: event.contactEmail ?? "—" })}
        boxed
        className="space-y-4"
      >
        <PublicContactForm
          action={savePublicContactAction.bind(null, event.id)}
          saved={{
            phone: contact.contactPhone ?? "",
            telegram: contact.contactTelegram ?? "",
            latitude: contact.venueLatitude?.toString() ?? "",
            longitude: contact.venueLongitude?.toString() ?? "",
          }}
        />
      </Panel>
    </div>
  );
}
