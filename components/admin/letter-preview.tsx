"use client";

import { useTranslations } from "next-intl";
import { LetterFrame } from "@/components/ui/letter-frame";
import type { MessagePreview } from "@/lib/emails/render";

/** A letter as the participant will receive it, framed as in the mailbox. */
export function LetterPreview({ preview }: { preview: MessagePreview }) {
  const t = useTranslations("admin.registrations");
  const tl = useTranslations("admin.questions.language");
  return (
    <section className="space-y-2" data-testid="letter-preview">
      <h3 className="font-medium">
        {t("previewTitle", { name: preview.name, language: tl(preview.locale) })}
      </h3>
      <p className="text-sm">
        <span className="font-medium">{t("messageSubject")}:</span> {preview.subject}
      </p>
      <LetterFrame title={preview.subject} html={preview.html} />
    </section>
  );
}
