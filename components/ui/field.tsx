import type { ReactNode } from "react";

/**
 * A labelled form control with its hint and error. The error is tied to the
 * control with aria-describedby and announced when it appears.
 */
export function Field({
  id,
  label,
  hint,
  error,
  optionalLabel,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Shown after the label of an optional field. */
  optionalLabel?: string;
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
        {optionalLabel && <span className="font-normal text-stone-500"> ({optionalLabel})</span>}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      <p id={errorId} role={error ? "alert" : undefined} className="min-h-0 text-sm font-medium text-red-700">
        {error}
      </p>
    </div>
  );
}

export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2.5 text-base shadow-sm aria-[invalid]:border-red-600 focus:border-brand-600";
