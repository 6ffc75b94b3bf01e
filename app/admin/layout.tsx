import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return {
    title: { default: t("title"), template: `%s — ${t("title")}` },
    robots: { index: false, follow: false },
  };
}

// The messages the staff area's client components read (useTranslations in
// components/); the server reads the rest where it renders. All of them made
// 40 KB of every staff page's payload, serialized and parsed on each request.
const clientNamespaces = ["category", "categoryHint", "errors", "gender", "manage", "region", "register"];
const clientAdminNamespaces = [
  "account",
  "checkIn",
  "eventForm",
  "exports",
  "privacy",
  "registrations",
  "signIn",
  "staff",
  "status",
];

function pick<T>(messages: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(keys.map((key) => [key, messages[key] as T]));
}

export default async function AdminRootLayout({ children }: LayoutProps<"/admin">) {
  const messages = await getMessages();
  return (
    <html lang={await getLocale()}>
      <body className="min-h-screen bg-stone-50">
        <NextIntlClientProvider
          messages={{
            ...pick(messages, clientNamespaces),
            admin: pick(messages.admin as Record<string, unknown>, clientAdminNamespaces),
          }}
        >
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
