import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { everyPageNamespaces, pickMessages, registrationFormNamespaces } from "@/lib/i18n/client-messages";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return {
    title: { default: t("title"), template: `%s — ${t("title")}` },
    robots: { index: false, follow: false },
  };
}

// The staff area's client components read the registration form's messages
// and these of "admin" (lib/i18n/client-messages.ts).
const clientAdminNamespaces = [
  "account",
  "checkIn",
  "eventForm",
  "formFields",
  "exports",
  "images",
  "letters",
  "organizations",
  "logistics",
  "privacy",
  "programme",
  "outcomes",
  "questions",
  "registrations",
  "signIn",
  "staff",
  "status",
  "team",
];

export default async function AdminRootLayout({ children }: LayoutProps<"/admin">) {
  const messages = await getMessages();
  return (
    <html lang={await getLocale()}>
      <body className="min-h-screen bg-stone-50">
        <NextIntlClientProvider
          messages={{
            ...pickMessages(messages, [...everyPageNamespaces, ...registrationFormNamespaces]),
            admin: pickMessages(messages.admin as Record<string, unknown>, clientAdminNamespaces),
          }}
        >
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
