import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { LetterName } from "@/components/admin/letter-name";
import { TravelSection } from "@/components/admin/travel-section";
import { ActionForm } from "@/components/forms/action-form";
import { PrivacyActions } from "@/components/privacy/privacy-actions";
import { RegistrationForm } from "@/components/registrations/registration-form";
import { Button } from "@/components/ui/button";
import { DetailsList } from "@/components/ui/details-list";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { localize } from "@/lib/events/schema";
import { everyPageNamespaces, pickMessages, registrationFormNamespaces } from "@/lib/i18n/client-messages";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { getRegistrationOutcomes, getResponsesToShow } from "@/lib/outcomes/data";
import { scorePercent } from "@/lib/outcomes/rules";
import { consentTexts } from "@/lib/privacy/consent";
import { getAnswers, getAnswersToShow, getEventForm, getPlacesTaken } from "@/lib/questions/data";
import { answerFormValues, answerText, regionName } from "@/lib/questions/rules";
import type { QuestionText } from "@/lib/questions/schema";
import {
  changeStatusAction,
  correctEmailAction,
  resendLetterAction,
  saveInternalNoteAction,
  staffUpdateRegistrationAction,
} from "@/lib/registrations/actions";
import { getRegistrationForStaff } from "@/lib/registrations/data";
import { fullName } from "@/lib/registrations/names";
import { ACTIVE_STATUSES, statusChangesFrom } from "@/lib/registrations/rules";
import { editFormValues } from "@/lib/registrations/schema";
import { requireEventAccess } from "@/lib/staff/require-staff";
import { getLogistics, getTravel, listRoommateChoices } from "@/lib/travel/data";
import { travelFormValues } from "@/lib/travel/schema";

export const dynamic = "force-dynamic";

export default async function StaffRegistrationPage({ params }: PageProps<"/admin/registrations/[id]">) {
  const { id } = await params;
  const access = await requireEventAccess({ registration: id, permission: "event.registrations" });
  const { staff, permissions } = access;
  const registration = await getRegistrationForStaff({ id });
  if (!registration) notFound();
  const t = await getTranslations("admin.registration");
  const ts = await getTranslations("admin.status");
  const tc = await getTranslations("category");
  const tg = await getTranslations("gender");
  const locale = (await getLocale()) as Locale;
  const zone = { locale, timeZone: registration.event.timeZone };
  const active = (ACTIVE_STATUSES as readonly string[]).includes(registration.status);
  const name = fullName(registration);
  const tq = await getTranslations("questions");
  const tto = await getTranslations("admin.registrations.to");
  const changes = statusChangesFrom(registration.status);
  const [form, answers, travel, shownAnswers, placesTaken, outcomes] = await Promise.all([
    getEventForm({ eventId: registration.event.id }),
    getAnswers({ registrationId: registration.id }),
    getTravel({ registrationId: registration.id }),
    getAnswersToShow({ registrationId: registration.id }),
    getPlacesTaken({ eventId: registration.event.id }),
    getRegistrationOutcomes({ registrationId: registration.id, eventId: registration.event.id }),
  ]);
  // Their own answers; an anonymous survey's are not theirs to show.
  const responses = await getResponsesToShow({ registrationId: registration.id });
  const shown = (answer: (typeof responses)[number]["answers"][number]["answer"]) =>
    Array.isArray(answer)
      ? answer.map((label) => localize(label as QuestionText, locale)).join("; ")
      : typeof answer === "boolean"
        ? tq(answer ? "yes" : "no")
        : answer instanceof Date
          ? answer.toISOString().slice(0, 10)
          : String(answer ?? "");
  const tk = await getTranslations("outcomes");
  if (!form) notFound();
  const details: [string, string][] = [
    [t("status"), ts(registration.status)],
    [t("category"), tc(registration.category)],
    [t("organization"), [registration.organization, registration.position].filter(Boolean).join(", ")],
    [t("region"), regionName(form.regions, registration.region, locale)],
    [t("gender"), tg(registration.gender)],
    [t("email"), registration.email],
    [t("phone"), registration.phone ?? "—"],
    [
      t("needs"),
      [
        registration.needsAccommodation ? t("accommodation") : "",
        registration.dietaryNeeds,
        registration.accessibilityNeeds,
      ]
        .filter(Boolean)
        .join(" · ") || "—",
    ],
    [t("checkInCode"), registration.checkInCode],
    [
      t("consent"),
      `${formatDateTime(registration.consentAt, zone)}: «${consentTexts[registration.consentVersion]?.[locale] ?? registration.consentVersion}»`,
    ],
    ...shownAnswers.map(({ question, row }): [string, string] => [
      question.label[locale] || question.label.ru,
      answerText(question, row, { locale, yes: tq("yes"), no: tq("no") }),
    ]),
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        context={localize(registration.event.title, locale)}
        contextHref={`/admin/events/${registration.event.id}`}
        title={`№${registration.number} · ${name}`}
      />
      <DetailsList details={details} />

      {changes.length > 0 && (
        <Panel id="status-actions" title={t("statusActions")} hint={t("statusActionsHint")}>
          <ActionForm
            action={changeStatusAction.bind(null, registration.id)}
            className="flex flex-wrap gap-3"
          >
            {changes.map((to) => (
              <Button key={to} type="submit" name="to" value={to} variant="secondary">
                {tto(to)}
              </Button>
            ))}
          </ActionForm>
        </Panel>
      )}

      {!registration.anonymizedAt && (
        <Panel id="correct-email" title={t("correctEmail")} hint={t("correctEmailHint")}>
          <ActionForm action={correctEmailAction.bind(null, registration.id)} className="space-y-2">
            <label className="block space-y-1">
              <span className="block font-medium">{t("newEmail")}</span>
              <input
                type="email"
                name="email"
                required
                maxLength={254}
                autoComplete="off"
                defaultValue={registration.email}
                className={inputClass}
              />
            </label>
            <Button type="submit" variant="secondary">
              {t("correctEmailSubmit")}
            </Button>
          </ActionForm>
        </Panel>
      )}

      {outcomes.length > 0 && (
        <Panel id="outcomes" title={t("outcomesTitle")}>
          <ul className="space-y-1 text-sm" data-testid="registration-outcomes">
            {outcomes.map((outcome) => {
              const percent = outcome.score && scorePercent(outcome.score);
              return (
                <li key={outcome.kind}>
                  {tk(`title.${outcome.kind}`)}:{" "}
                  {!outcome.answered
                    ? t("outcomesNotAnswered")
                    : outcome.score && percent !== null
                      ? t("outcomesScore", { ...outcome.score, percent: Math.round(percent ?? 0) })
                      : outcome.anonymous
                        ? t("outcomesAnsweredAnonymously")
                        : t("outcomesAnswered")}
                  {responses
                    .filter((response) => response.instrument === outcome.kind)
                    .map((response) => (
                      <dl
                        key={response.instrument}
                        className="mt-1 grid gap-x-4 pl-4 sm:grid-cols-[auto_1fr]"
                      >
                        {response.answers.map((answer) => (
                          <div key={answer.questionId} className="contents">
                            <dt className="text-stone-600">
                              {localize(answer.question as QuestionText, locale)}
                            </dt>
                            <dd>{shown(answer.answer)}</dd>
                          </div>
                        ))}
                      </dl>
                    ))}
                </li>
              );
            })}
          </ul>
        </Panel>
      )}

      {travel && (
        <TravelSection
          registrationId={registration.id}
          travel={travel}
          hotels={(await getLogistics({ eventId: registration.event.id }))?.hotels ?? []}
          roommates={await listRoommateChoices({ eventId: registration.event.id, except: registration.id })}
          regions={form.regions}
          timeZone={registration.event.timeZone}
          passports={permissions.has("event.contacts")}
        />
      )}

      <Panel id="history" title={t("history")}>
        <ol className="space-y-1 text-sm">
          {registration.history.map((entry) => {
            const data = entry.data as {
              from?: string;
              to?: string;
              status?: string;
            };
            return (
              <li key={String(entry.id)}>
                {formatDateTime(entry.at, zone)} — {t(`actions.${entry.action.replace(".", "_")}`)}
                {data.to && `: ${ts(data.from ?? "PENDING")} → ${ts(data.to)}`}
                {data.status && `: ${ts(data.status)}`} ·{" "}
                {entry.actor?.email ?? t(`actors.${entry.actorType}`)}
              </li>
            );
          })}
        </ol>
      </Panel>

      <Panel id="letters" title={t("letters")}>
        <ul className="space-y-1 text-sm">
          {registration.outbox.map((letter) => (
            <li key={letter.id}>
              {formatDateTime(letter.createdAt, zone)} — <LetterName template={letter.template} /> —{" "}
              {letter.toAddress} — {t(`letterStatus.${letter.status}`)}
              {letter.sentAt && ` (${formatDateTime(letter.sentAt, zone)})`}
              {letter.lastError && <span className="block text-red-800">{letter.lastError}</span>}
            </li>
          ))}
        </ul>
        <ActionForm action={resendLetterAction.bind(null, registration.id)} className="flex flex-wrap gap-3">
          <Button type="submit" name="kind" value="status" variant="secondary">
            {t("resendStatus", { status: ts(registration.status) })}
          </Button>
          <Button type="submit" name="kind" value="manage-link" variant="secondary">
            {t("resendManageLink")}
          </Button>
        </ActionForm>
      </Panel>

      <Panel id="note" title={t("note")}>
        <ActionForm action={saveInternalNoteAction.bind(null, registration.id)} className="space-y-2">
          <label className="block space-y-1">
            <span className="block text-sm text-stone-600">{t("noteHint")}</span>
            <textarea
              name="note"
              rows={3}
              maxLength={2000}
              defaultValue={registration.internalNote ?? ""}
              className={inputClass}
            />
          </label>
          <Button type="submit" variant="secondary">
            {t("saveNote")}
          </Button>
        </ActionForm>
      </Panel>

      {active && (
        <Panel id="edit" title={t("edit")} hint={t("editHint")}>
          <NextIntlClientProvider messages={await staffFormMessages()}>
            <RegistrationForm
              mode="edit"
              action={staffUpdateRegistrationAction.bind(null, registration.id)}
              initialValues={{
                ...editFormValues(registration),
                answers: answerFormValues(form.questions, answers),
                travel: travelFormValues(travel),
              }}
              eventForm={form}
              placesTaken={placesTaken}
            />
          </NextIntlClientProvider>
        </Panel>
      )}

      {staff.role === "ADMIN" && <PrivacyActions registration={registration} />}
    </div>
  );
}

type Messages = Record<string, Record<string, unknown>>;

/**
 * The shared registration form speaks to the participant ("О вас"); on this
 * page the organizer reads it, so its wording is replaced by the staff's
 * ("Имя участника"), key by key, from admin.registration.form.
 */
async function staffFormMessages() {
  const messages = (await getMessages()) as Messages;
  const staff = ((messages.admin?.registration as Messages | undefined)?.form ?? {}) as Messages;
  const picked = pickMessages(messages, [...everyPageNamespaces, ...registrationFormNamespaces]);
  return {
    ...picked,
    register: { ...picked.register, ...staff.register },
    manage: { ...picked.manage, ...staff.manage },
  };
}
