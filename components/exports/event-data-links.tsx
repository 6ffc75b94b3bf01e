import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The export (with the list's current filters) and the statistics of an event. */
export async function EventDataLinks({ eventId, filters }: { eventId: string; filters: URLSearchParams }) {
  const te = await getTranslations("admin.exports");
  const ts = await getTranslations("admin.statistics");
  return (
    <p className="flex flex-wrap gap-4 text-sm">
      <Link
        href={`/admin/events/${eventId}/export?${filters}`}
        className="font-medium text-brand-700 underline"
      >
        {te("link")}
      </Link>
      <Link href={`/admin/events/${eventId}/statistics`} className="font-medium text-brand-700 underline">
        {ts("link")}
      </Link>
    </p>
  );
}
