/**
 * Horizontal bars drawn by the server in plain HTML, so they show without
 * JavaScript. A picture for the eye: the figures are in the table that goes
 * with it, which screen readers read instead. Each name sits above its bar,
 * so that long option labels wrap on a phone instead of being cut.
 */
export function BarList({ label, rows }: { label: string; rows: { name: string; value: number }[] }) {
  const largest = Math.max(1, ...rows.map((row) => row.value));
  return (
    <div role="img" aria-label={label} className="space-y-2">
      {rows.map((row) => (
        <div key={row.name} className="text-sm">
          <div>{row.name}</div>
          <div className="flex items-center gap-2">
            <div
              className="h-4 rounded-sm bg-brand-600"
              style={{ width: `${(row.value / largest) * 85}%` }}
            />
            <span className="tabular-nums">{row.value}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
