"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * What a page shows instead of the framework's English default when it fails
 * unexpectedly: what happened, in the reader's language, and a way on. The
 * error itself was logged on the server; its message is never shown.
 */
export function ErrorPage({ retry, home }: { retry: () => void; home: string }) {
  const t = useTranslations("errorPage");
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-stone-700">{t("text")}</p>
      <div className="flex flex-wrap justify-center gap-3">
        <Button type="button" onClick={retry}>
          {t("retry")}
        </Button>
        <a href={home} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("home")}
        </a>
      </div>
    </div>
  );
}
