"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { ErrorPage } from "@/components/site/error-page";

/** A staff page that failed: the staff area's navigation stays, the reason is in the staff member's language. */
export default function StaffError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  return (
    <ErrorPage
      home="/admin"
      retry={() =>
        startTransition(() => {
          router.refresh();
          reset();
        })
      }
    />
  );
}
