// How staff find a person by typing part of a name, an email or an
// organization: at the door (lib/check-in/rules.ts) and in the registrations
// list (lib/registrations/filters.ts), which the database serves from
// registration.search_text, folded the same way by its trigger (migration
// search_folds_kyrgyz_letters).

/** Lower case, without extra spaces: text as typed, before any folding. */
export function lowerCase(value: string): string {
  return value.toLocaleLowerCase("ru").replace(/\s+/g, " ").trim();
}

// A phone without a Kyrgyz keyboard types у, о, н for ү, ө, ң (and е for ё).
const LOOKALIKES: Record<string, string> = { ё: "е", ү: "у", ө: "о", ң: "н" };

/** Text folded for search: lower case, without extra spaces, ё, ү, ө, ң as е, у, о, н. */
export function foldForSearch(value: string): string {
  return lowerCase(value).replace(/[ёүөң]/g, (letter) => LOOKALIKES[letter] ?? letter);
}
