import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ComponentProps, ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { ImageUploadForm } from "@/components/images/image-upload-form";
import { PublicContactForm } from "@/components/images/public-contact-form";
import { StoredImage } from "@/components/images/stored-image";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";
import { moveEventImageAction, removeEventImageAction, savePublicContactAction } from "@/lib/images/actions";
import { getPublicContact, listEventImages } from "@/lib/images/data";
import { partyRoles } from "@/lib/images/schema";
import { requireStaffEvent } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

/** Organizers: the event's cover and logos (donors' visibility), and its public contact. */
export default async function EventImagesPage({ params }: PageProps<"/admin/events/[id]/images">) {
  const { id } = await params;
  const { event } = await requireStaffEvent({ id, permission: "event.content" });
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
            <StoredImage
              image={cover}
              alt={localize(cover.alt, locale)}
              className="h-auto w-full rounded-md border border-stone-200"
            />
            <ImageButton action={remove} imageId={cover.id}>
              {t("remove")}
            </ImageButton>
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
                    <StoredImage image={logo} alt="" className="h-12 w-auto max-w-40 object-contain" />
                    <span className="min-w-40 flex-1">{localize(logo.alt, locale)}</span>
                    <div className="flex flex-wrap gap-2">
                      {moves(index, logos.length).map((direction) => (
                        <ImageButton
                          key={direction}
                          action={move}
                          imageId={logo.id}
                          direction={direction}
                          label={t(`${direction}Named`, { name: localize(logo.alt, locale) })}
                        >
                          {t(direction)}
                        </ImageButton>
                      ))}
                      <ImageButton
                        action={remove}
                        imageId={logo.id}
                        label={t("removeNamed", { name: localize(logo.alt, locale) })}
                      >
                        {t("remove")}
                      </ImageButton>
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

/** Where the logo at this place in its row can move: not up from the first place, not down from the last. */
function moves(index: number, count: number) {
  return (["up", "down"] as const).filter((direction) =>
    direction === "up" ? index > 0 : index < count - 1,
  );
}

/** A button acting on one image: its removal, or its move up or down the row of its role. */
function ImageButton({
  action,
  imageId,
  direction,
  label,
  children,
}: {
  action: ComponentProps<typeof ActionForm>["action"];
  imageId: string;
  direction?: "up" | "down";
  label?: string;
  children: ReactNode;
}) {
  return (
    <ActionForm action={action}>
      <input type="hidden" name="imageId" value={imageId} />
      {direction && <input type="hidden" name="direction" value={direction} />}
      <Button type="submit" variant="secondary" aria-label={label}>
        {children}
      </Button>
    </ActionForm>
  );
}
