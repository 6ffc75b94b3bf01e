// The browser gets only the messages its client components read
// (useTranslations in a "use client" file); the server reads the rest where
// it renders. Handing a page all of them put some 30 KB of messages into
// every page's payload, serialized on each request and downloaded by each
// phone.

/** What the registration form reads, on the public pages and in the staff area. */
export const registrationFormNamespaces = [
  "category",
  "categoryHint",
  "errors",
  "gender",
  "manage",
  "questions",
  "register",
];

/** What any page's client components may read: an action's outcome, the error page. */
export const everyPageNamespaces = ["actions", "errorPage"];

export function pickMessages<T>(messages: Record<string, T>, namespaces: string[]): Record<string, T> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace] as T]));
}
