import type { ReactNode } from "react";
import { StaffLink } from "@/components/ui/staff-link";

/**
 * A page's heading: what it belongs to (an event's title, a link back to it
 * with `contextHref`) above its h1, actions beside it (a link, a button), and
 * what goes with it below.
 */
export function PageHeader({
  context,
  contextHref,
  title,
  actions,
  children,
}: {
  context?: ReactNode;
  contextHref?: string;
  title: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const heading = <h1 className="text-2xl font-semibold">{title}</h1>;
  return (
    <header className="space-y-2">
      {context && (
        <p className="text-sm text-stone-600">
          {contextHref ? (
            <StaffLink href={contextHref} className="text-brand-700 underline">
              {context}
            </StaffLink>
          ) : (
            context
          )}
        </p>
      )}
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {children}
    </header>
  );
}
