import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A section of a page named by its heading (h2, which labels it): a line
 * under the heading that says what it is for, actions beside the heading,
 * and a white box around it all when `boxed`.
 */
export function Panel({
  id,
  title,
  hint,
  actions,
  boxed = false,
  className,
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  hint?: ReactNode;
  actions?: ReactNode;
  boxed?: boolean;
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const heading = (
    <h2 id={id} className={boxed ? "font-semibold" : "text-lg font-semibold"}>
      {title}
    </h2>
  );
  return (
    <section
      aria-labelledby={id}
      className={cn("space-y-3", boxed && "rounded-lg border border-stone-200 bg-white p-4", className)}
      data-testid={testId}
    >
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {hint && <p className="text-sm text-stone-600">{hint}</p>}
      {children}
    </section>
  );
}
