"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The pages of one event in the staff area, the current one marked. */
export function EventTabs({ label, tabs }: { label: string; tabs: { href: string; text: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4">
      {/* A phone scrolls the tabs sideways; a wide screen shows them all, on two rows if need be. */}
      <ul className="flex gap-1 border-b border-stone-200 text-sm lg:flex-wrap">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={pathname === tab.href ? "page" : undefined}
              className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 hover:bg-stone-100 aria-[current=page]:border-brand-600 aria-[current=page]:font-semibold"
            >
              {tab.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
