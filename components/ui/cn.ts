import { type ClassValue, clsx } from "clsx";
import { twMerge } from "tailwind-merge";

/** Class names joined, the falsy ones left out, and a later Tailwind class winning over an earlier one of its kind. */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
