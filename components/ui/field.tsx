import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

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

/**
 * A drop-down inside its label, for the filters and the small forms of the
 * staff pages: `options` as [value, text] pairs, in order.
 */
export function LabelledSelect({
  label,
  options,
  className,
  ...select
}: {
  label: ReactNode;
  options: readonly (readonly [string, string])[];
} & Omit<ComponentProps<"select">, "children">) {
  return (
    <label className={cn("space-y-1", className)}>
      <span className="block text-sm font-medium">{label}</span>
      <select {...select} className={inputClass}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A text box inside its label, with a hint under it when given (tied to it
 * by aria-describedby): the staff area's account and sign-in forms.
 */
export function LabelledInput({
  label,
  hint,
  ...input
}: { label: ReactNode; hint?: ReactNode; name: string } & Omit<ComponentProps<"input">, "className">) {
  const hintId = hint ? `${input.name}-hint` : undefined;
  return (
    <label className="block space-y-1">
      <span className="font-medium">{label}</span>
      <input aria-describedby={hintId} {...input} className={inputClass} />
      {hint && (
        <span id={hintId} className="block text-sm text-stone-600">
          {hint}
        </span>
      )}
    </label>
  );
}
