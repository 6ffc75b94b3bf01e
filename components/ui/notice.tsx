import type { ReactNode } from "react";

const tones = {
  /** Something was done: announced politely. */
  success: "border-brand-600 bg-brand-50",
  /** Something went wrong or needs doing first: announced at once. */
  error: "border-red-300 bg-red-50 text-red-900",
  warning: "border-amber-400 bg-amber-50",
} as const;

/** The message after an action, announced to screen readers as it appears. */
export function Notice({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  return (
    <p role={tone === "success" ? "status" : "alert"} className={`rounded-md border p-3 ${tones[tone]}`}>
      {children}
    </p>
  );
}
