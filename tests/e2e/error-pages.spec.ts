import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { signIn } from "./staff-helpers";

// An unexpected error shows a page in the reader's language, never the
// framework's English default. Provoked the way it happens in life: a row the
// code cannot read (an event whose description is no text). Its title and
// summary are readable, so the lists other tests open still work.

async function insertUnreadableEvent(): Promise<{ id: string; slug: string }> {
  const slug = `unreadable-${randomUUID().slice(0, 8)}`;
  const [event] = await sql<{ id: string }>(
    `INSERT INTO event (id, slug, status, title, summary, description, audience, venue_name, venue_address,
                        capacity, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, 'PUBLISHED', '{"ru": "Нечитаемое событие"}', '{"ru": "—"}', '{"ru": 5}',
             '{"ru": "—"}', '{"ru": "—"}', '{"ru": "—"}', 10,
             now() - interval '10 years', now())
     RETURNING id`,
    [slug],
  );
  if (!event) throw new Error("no event");
  return { id: event.id, slug };
}

test("a public page that fails says so in Russian and in Kyrgyz, with a way back", async ({ page }) => {
  const { slug } = await insertUnreadableEvent();
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Что-то пошло не так");
  await expect(page.getByRole("button", { name: "Попробовать ещё раз" })).toBeVisible();
  await expect(page.getByRole("link", { name: "На главную" })).toHaveAttribute("href", "/");
  await expect(page.getByText("Application error")).toHaveCount(0);

  await page.goto(`/ky/events/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Бир нерсе туура эмес болду");
  await expect(page.getByRole("link", { name: "Башкы бетке" })).toHaveAttribute("href", "/ky");
});

test("a staff page that fails keeps the staff area around it; an unknown one is not found", async ({
  page,
}) => {
  const { id } = await insertUnreadableEvent();
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${id}/settings`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Что-то пошло не так");
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();

  const missing = await page.goto(`/admin/events/${randomUUID()}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();

  // An address the staff area does not have, a typo away from one it has.
  const unknown = await page.goto("/admin/mailbx/old");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();
});
