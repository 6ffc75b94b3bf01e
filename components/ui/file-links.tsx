/** A page's downloads in a row; a link left `false` is one its reader may not have. */
export function FileLinks({ links }: { links: readonly ({ href: string; label: string } | false)[] }) {
  const shown = links.filter((link) => link !== false);
  if (shown.length === 0) return null;
  return (
    <p className="flex flex-wrap gap-4">
      {shown.map((link) => (
        <a key={link.href} href={link.href} className="text-brand-700 underline">
          {link.label}
        </a>
      ))}
    </p>
  );
}
