"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { StaffLink } from "@/components/ui/staff-link";

/** The pages of one event in the staff area, the current one marked. */
export function EventTabs({ label, tabs }: { label: string; tabs: { href: string; text: string }[] }) {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  // On a phone the current tab may lie past the edge: bring it into view, the row scrolled, not the page.
  const current = tabs.findIndex((tab) => tab.href === pathname);
  useEffect(() => {
    const row = nav.current;
    const tab = row?.querySelectorAll("li")[current];
    if (row && tab)
      row.scrollLeft +=
        tab.getBoundingClientRect().left - row.getBoundingClientRect().left - row.clientWidth / 3;
  }, [current]);
  return (
    <nav aria-label={label} ref={nav} className="-mx-4 overflow-x-auto px-4 max-lg:mask-r-from-85%">
      {/* A phone scrolls the tabs sideways, their right end fading to say so; a wide screen shows them all, on two rows if need be. */}
      <ul className="flex gap-1 border-b border-stone-200 text-sm lg:flex-wrap">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <StaffLink
              href={tab.href}
              aria-current={pathname === tab.href ? "page" : undefined}
              className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 hover:bg-stone-100 aria-[current=page]:border-brand-600 aria-[current=page]:font-semibold"
            >
              {tab.text}
            </StaffLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
