"use client";

import { useEffect, useRef } from "react";

/**
 * The header of the list's selection column. Without JavaScript it is a
 * checkbox of its own, "every row of this page" (the server then takes the
 * ids each row sends as `onPage`); with JavaScript it also ticks and unticks
 * the rows, and shows when only some are ticked.
 */
export function SelectAllCheckbox({ label }: { label: string }) {
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const header = ref.current;
    const form = header?.form;
    if (!header || !form) return;
    const rows = () => [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]')];
    const follow = (event: Event) => {
      if (event.target === header) {
        for (const row of rows()) row.checked = header.checked;
        return;
      }
      const ticked = rows().filter((row) => row.checked).length;
      header.checked = ticked > 0 && ticked === rows().length;
      header.indeterminate = ticked > 0 && !header.checked;
    };
    // After an action the form is reset: nothing is ticked any more.
    const cleared = () => {
      header.indeterminate = false;
    };
    form.addEventListener("change", follow);
    form.addEventListener("reset", cleared);
    return () => {
      form.removeEventListener("change", follow);
      form.removeEventListener("reset", cleared);
    };
  }, []);

  return (
    <input
      ref={ref}
      type="checkbox"
      name="everyOnPage"
      aria-label={label}
      title={label}
      className="size-5 accent-brand-600"
    />
  );
}
