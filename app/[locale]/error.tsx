"use client";

import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { startTransition } from "react";
import { ErrorPage } from "@/components/site/error-page";
import { routing } from "@/lib/i18n/routing";

/** A public page that failed: the reason in the reader's language (the error was logged on the server). */
export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const locale = useLocale();
  return (
    <ErrorPage
      home={locale === routing.defaultLocale ? "/" : `/${locale}`}
      retry={() =>
        startTransition(() => {
          router.refresh();
          reset();
        })
      }
    />
  );
}
