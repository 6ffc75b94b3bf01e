import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import {
  AddTeamMemberForm,
  DoorAccountForm,
  EventRoleSelect,
  TeamMemberForm,
} from "@/components/admin/team-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { getEventForStaff } from "@/lib/events/data";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { requireEventAccess } from "@/lib/staff/require-staff";
import { addTeamMemberAction, changeTeamMemberAction, createDoorAccountAction } from "@/lib/teams/actions";
import { listTeam } from "@/lib/teams/data";

export const dynamic = "force-dynamic";

const smallButton = "min-h-11 rounded-md border border-stone-300 px-3 hover:bg-stone-100";

/** The event's team: who works on it and in which role; a manager or an admin changes it. */
export default async function EventTeamPage({ params }: PageProps<"/admin/events/[id]/team">) {
  const { id } = await params;
  const { staff } = await requireEventAccess({ event: id, permission: "event.team" });
  const t = await getTranslations("admin.team");
  const ts = await getTranslations("admin.staff");
  const [team, event, locale] = await Promise.all([
    listTeam({ eventId: id }),
    getEventForStaff({ id }),
    getLocale() as Promise<Locale>,
  ]);
  if (!event) notFound();
  const zone = { locale, timeZone: event.timeZone };
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")}>
        <p className="text-stone-700">{t("explain")}</p>
      </PageHeader>

      {team.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("title")}>
          {team.map((member) => {
            const change = changeTeamMemberAction.bind(null, { eventId: id, staffId: member.staff.id });
            return (
              <li
                key={member.staff.id}
                data-testid="team-member"
                className="space-y-3 rounded-lg border border-stone-300 bg-white p-4"
              >
                <p>
                  <strong>{member.staff.name}</strong>{" "}
                  <span className="text-stone-600">{member.staff.email}</span>
                  {member.staff.id === staff.id && <span className="text-stone-600"> ({ts("you")})</span>}
                  {member.staff.disabledAt && <span className="text-stone-600"> · {t("disabled")}</span>}
                  {member.staff.expiresAt && (
                    <span className="text-stone-600">
                      {" "}
                      · {t("ends", { ends: formatDateTime(member.staff.expiresAt, zone) })}
                    </span>
                  )}
                </p>
                <div className="flex flex-wrap items-end gap-4 text-sm">
                  <TeamMemberForm action={change} className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="change" value="role" />
                    <div className="space-y-1">
                      <label htmlFor={`role-${member.staff.id}`} className="block font-medium">
                        {t("role")}
                      </label>
                      <EventRoleSelect id={`role-${member.staff.id}`} defaultValue={member.role} />
                    </div>
                    <button type="submit" className={smallButton}>
                      {t("changeRole")}
                    </button>
                  </TeamMemberForm>
                  <TeamMemberForm action={change}>
                    <input type="hidden" name="change" value="remove" />
                    <button type="submit" className={smallButton}>
                      {t("remove")}
                    </button>
                  </TeamMemberForm>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <Panel id="add" title={t("add")} hint={t("addExplain")} boxed>
        <AddTeamMemberForm action={addTeamMemberAction.bind(null, id)} />
      </Panel>

      <Panel id="door" title={t("door")} hint={t("doorExplain")} boxed>
        <DoorAccountForm action={createDoorAccountAction.bind(null, id)} />
      </Panel>
    </div>
  );
}
