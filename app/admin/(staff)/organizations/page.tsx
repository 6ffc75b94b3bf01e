import { getTranslations } from "next-intl/server";
import { OrganizationNameForm } from "@/components/admin/organization-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { createOrganizationAction, renameOrganizationAction } from "@/lib/organizations/actions";
import { listOrganizations } from "@/lib/organizations/data";
import { ADMINS, requireStaff } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

/**
 * Admins: the partner organizations, each with its members and events
 * counted; a new one, a new name. Members are put in on the staff page, an
 * event's organization chosen in its settings (decision 041).
 */
export default async function OrganizationsPage() {
  await requireStaff(ADMINS);
  const t = await getTranslations("admin.organizations");
  const organizations = await listOrganizations();
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")}>
        <p className="text-stone-700">{t("explain")}</p>
      </PageHeader>

      <Panel id="new" title={t("new")} boxed>
        <OrganizationNameForm
          action={createOrganizationAction}
          id="new-organization"
          submitLabel={t("create")}
        />
      </Panel>

      {organizations.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("title")}>
          {organizations.map((organization) => (
            <li
              key={organization.id}
              data-testid="organization"
              className="space-y-2 rounded-lg border border-stone-300 bg-white p-4"
            >
              <p>
                <strong>{organization.name}</strong>{" "}
                <span className="text-sm text-stone-600">
                  {t("counts", { members: organization._count.members, events: organization._count.events })}
                </span>
              </p>
              <OrganizationNameForm
                action={renameOrganizationAction.bind(null, organization.id)}
                id={`rename-${organization.id}`}
                name={organization.name}
                submitLabel={t("rename")}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
