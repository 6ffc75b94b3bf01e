"use client";

import "./globals.css";

// The last boundary: a failure in a root layout itself, where no language is
// known yet and no messages are loaded. It says the same in the three
// languages of the site.

const texts = [
  {
    lang: "ru",
    title: "Что-то пошло не так",
    text: "Попробуйте обновить страницу через минуту.",
    retry: "Обновить",
  },
  {
    lang: "ky",
    title: "Бир нерсе туура эмес болду",
    text: "Бир мүнөттөн кийин баракты жаңыртып көрүңүз.",
    retry: "Жаңыртуу",
  },
  { lang: "en", title: "Something went wrong", text: "Please reload the page in a minute.", retry: "Reload" },
] as const;

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ru">
      <body className="flex min-h-screen items-center justify-center p-4">
        <div role="alert" className="max-w-xl space-y-6 text-center">
          {texts.map((text) => (
            <section key={text.lang} lang={text.lang} className="space-y-2">
              <h1 className="text-xl font-semibold">{text.title}</h1>
              <p className="text-stone-700">{text.text}</p>
              <button type="button" onClick={reset} className="text-brand-700 underline">
                {text.retry}
              </button>
            </section>
          ))}
        </div>
      </body>
    </html>
  );
}
