// Run as its own process by registration-allocation.test.ts: fires COUNT
// registrations at once at SLUG, prints the outcome counts as JSON.
import { createRegistration } from "@/lib/registrations/mutations";
import { registrationInput } from "./factories";

const slug = process.env.SLUG ?? "";
const count = Number(process.env.COUNT);
const categories = ["GOVERNMENT", "LOCAL_GOVERNMENT", "CIVIL_SOCIETY", "OTHER"] as const;

const results = await Promise.all(
  Array.from({ length: count }, (_, i) =>
    createRegistration({
      slug,
      locale: "ru",
      input: registrationInput({ category: categories[i % categories.length] }),
    }),
  ),
);
console.log(JSON.stringify(results.map((result) => (result.ok ? result.status : result.reason))));
process.exit(0);
