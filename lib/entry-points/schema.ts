import { z } from "zod";

// What an address (a route's parameters, a page's query) may carry into a
// query. PostgreSQL refuses NUL in text, and the refusal is an exception, not
// "no match": a NUL in a search box or a cursor used to be a 500 and a Prisma
// stack in the log. No stored text holds one, so text with one finds nothing.

export function containsNul(text: string): boolean {
  return text.includes("\0");
}

/** Free text from an address, as long as `max`: a search, a prefix, a cursor's value. */
export function addressTextSchema(max: number) {
  return z
    .string()
    .max(max)
    .refine((text) => !containsNul(text));
}
