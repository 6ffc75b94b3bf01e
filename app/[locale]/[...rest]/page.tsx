import { notFound } from "next/navigation";

// Any unknown address under a locale gets the localized 404 page.
export default function CatchAll() {
  notFound();
}
