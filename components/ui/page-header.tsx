import type { ReactNode } from "react";

/**
 * A page's heading: what it belongs to (an event's title) above its h1,
 * actions beside it (a link, a button), and what goes with it below.
 */
export function PageHeader({
  context,
  title,
  actions,
  children,
}: {
  context?: ReactNode;
  title: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const heading = <h1 className="text-2xl font-semibold">{title}</h1>;
  return (
    <header className="space-y-2">
      {context && <p className="text-sm text-stone-600">{context}</p>}
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
