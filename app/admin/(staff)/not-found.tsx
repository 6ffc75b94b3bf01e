import { getTranslations } from "next-intl/server";
import { StaffLink } from "@/components/ui/staff-link";

/** An event, a registration or a page of the staff area that does not exist, inside the staff area's frame. */
export default async function StaffNotFound() {
  const t = await getTranslations("notFound");
  const ta = await getTranslations("admin.nav");
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <StaffLink href="/admin" className="mt-4 inline-block text-brand-700 underline">
        {ta("events")}
      </StaffLink>
    </div>
  );
}
