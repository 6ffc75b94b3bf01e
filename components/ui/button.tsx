import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-stone-400",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-400",
} as const;

const base = "inline-flex min-h-11 items-center justify-center rounded-md px-5 py-2.5 font-medium";

export function Button({
  variant = "primary",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return <button {...props} className={cn(base, variants[variant], className)} />;
}

/** The classes that make a link look like a button. */
export function buttonClass(variant: keyof typeof variants = "primary"): string {
  return `${base} ${variants[variant]}`;
}
