import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LetterFrame } from "@/components/ui/letter-frame";
import { StaffLink } from "@/components/ui/staff-link";
import { getMailboxMessage } from "@/lib/mailbox/data";
import { requireEventAccess } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function MailboxLetterPage({ params }: PageProps<"/admin/mailbox/[id]">) {
  const { id } = await params;
  await requireEventAccess({ mailbox: id, permission: "event.letters" });
  const letter = await getMailboxMessage({ id });
  if (!letter) notFound();
  const t = await getTranslations("admin.mailbox");
  return (
    <div className="space-y-4">
      <StaffLink href="/admin/mailbox" className="text-brand-700 underline">
        {t("back")}
      </StaffLink>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t("to")}</dt>
        <dd>{letter.toAddress}</dd>
        <dt className="font-medium">{t("subject")}</dt>
        <dd>{letter.subject}</dd>
      </dl>
      <LetterFrame title={letter.subject} html={letter.html} tall />
    </div>
  );
}
