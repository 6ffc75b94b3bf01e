import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { LetterName } from "@/components/admin/letter-name";
import { LetterWordingForm } from "@/components/admin/letter-wording-form";
import { ActionForm } from "@/components/forms/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { StaffLink } from "@/components/ui/staff-link";
import { StatusBadge } from "@/components/ui/status-badge";
import { retryLetterAction, saveLetterWordingAction } from "@/lib/emails/actions";
import { listEventOutbox } from "@/lib/emails/data";
import { type LocalizedText, localize } from "@/lib/events/schema";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { requireStaffEvent } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

const outboxStatuses = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;

const querySchema = z.object({
  status: z.enum(outboxStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** An event's letters: its own wording in them, and its outbox, every letter with its state and a retry for those that failed. */
export default async function EventLettersPage({
  params,
  searchParams,
}: PageProps<"/admin/events/[id]/letters">) {
  const { id } = await params;
  const { event } = await requireStaffEvent({ id, permission: "event.letters" });
  const raw = await searchParams;
  const query = querySchema.parse({ status: raw.status, page: raw.page });
  const { counts, letters, pages } = await listEventOutbox({
    eventId: event.id,
    status: query.status,
    page: query.page,
  });
  const t = await getTranslations("admin.letters");
  const tl = await getTranslations("admin.registration.letterStatus");
  const locale = (await getLocale()) as Locale;
  const zone = { locale, timeZone: event.timeZone };
  const href = (changes: { status?: string; page?: number }) => {
    const next = { status: query.status, page: query.page, ...changes };
    const search = new URLSearchParams();
    if (next.status) search.set("status", next.status);
    if (next.page && next.page > 1) search.set("page", String(next.page));
    return `?${search}`;
  };

  return (
    <div className="space-y-6">
      <PageHeader
        context={localize(event.title, locale)}
        contextHref={`/admin/events/${event.id}`}
        title={t("title")}
      />

      <LetterWordingForm
        action={saveLetterWordingAction.bind(null, event.id)}
        confirmation={event.confirmationWording as LocalizedText | null}
        waitlist={event.waitlistWording as LocalizedText | null}
      />

      <Panel id="outbox" title={t("outbox")}>
        <nav aria-label={t("filter")} className="flex flex-wrap gap-2 text-sm">
          <StaffLink
            href={href({ status: "", page: 1 })}
            aria-current={query.status ? undefined : "page"}
            className="rounded-full bg-white px-3 py-1 ring-1 ring-stone-200 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
          >
            {t("all")}
          </StaffLink>
          {outboxStatuses.map((status) => (
            <StaffLink
              key={status}
              href={href({ status, page: 1 })}
              aria-current={query.status === status ? "page" : undefined}
              className="rounded-full bg-white px-3 py-1 ring-1 ring-stone-200 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
            >
              {tl(status)}: <strong>{counts[status] ?? 0}</strong>
            </StaffLink>
          ))}
        </nav>

        {letters.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {letters.map((letter) => (
              <li
                key={letter.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3 text-sm"
                data-testid="letter"
              >
                <span className="whitespace-nowrap text-stone-600">
                  {formatDateTime(letter.createdAt, zone)}
                </span>
                <span className="font-medium">
                  <LetterName template={letter.template} />
                </span>
                {letter.registrationId ? (
                  <StaffLink
                    href={`/admin/registrations/${letter.registrationId}`}
                    className="text-brand-700 underline"
                  >
                    {letter.toAddress}
                  </StaffLink>
                ) : (
                  <span>{letter.toAddress}</span>
                )}
                <span>
                  <StatusBadge kind="letter" status={letter.status} />
                  {letter.sentAt && ` (${formatDateTime(letter.sentAt, zone)})`} ·{" "}
                  {t("attempts", { count: letter.attempts })}
                </span>
                {letter.status === "FAILED" && (
                  <ActionForm
                    action={retryLetterAction.bind(null, { eventId: event.id, letterId: letter.id })}
                  >
                    <button
                      type="submit"
                      className="min-h-11 rounded-md border border-stone-300 px-3 hover:bg-stone-100"
                    >
                      {t("retry")}
                    </button>
                  </ActionForm>
                )}
                {letter.lastError && <span className="basis-full text-red-800">{letter.lastError}</span>}
              </li>
            ))}
          </ul>
        )}

        {pages > 1 && (
          <nav className="flex items-center gap-4" aria-label={t("page", { page: query.page, pages })}>
            {query.page > 1 && <StaffLink href={href({ page: query.page - 1 })}>{t("previous")}</StaffLink>}
            <span>{t("page", { page: query.page, pages })}</span>
            {query.page < pages && <StaffLink href={href({ page: query.page + 1 })}>{t("next")}</StaffLink>}
          </nav>
        )}
      </Panel>
    </div>
  );
}
