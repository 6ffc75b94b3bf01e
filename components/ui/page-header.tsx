import type { ReactNode } from "react";

/** A page's heading: what it belongs to (an event's title) above its h1, and what goes with it below. */
export function PageHeader({
  context,
  title,
  children,
}: {
  context?: ReactNode;
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="space-y-2">
      {context && <p className="text-sm text-stone-600">{context}</p>}
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children}
    </header>
  );
}
