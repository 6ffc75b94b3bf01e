import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { createTestEvent, registerThroughApi } from "./event-helpers";
import { signIn } from "./staff-helpers";

// The event's own paragraph in its confirmation letter: written by an
// organizer in the letters' editor, shown in its preview, and read back in
// the letter a Kyrgyz participant receives, as the mailbox shows it.

test("an organizer's paragraph reaches the confirmation letter in the participant's language", async ({
  page,
  request,
}) => {
  const event = await createTestEvent({
    title: { ru: "Семинар с автобусом", en: "Bus seminar" },
    slug: "wording",
  });
  await signIn(page);
  await expect(page).not.toHaveURL("/admin/sign-in", { timeout: 30_000 });
  await page.goto(`/admin/events/${event.id}/letters`);

  const confirmation = page.getByRole("group", { name: "В письме о подтверждении места" });
  await confirmation.getByLabel("Русский").fill("Автобус отходит в 8:00 от филармонии.");
  await expect(confirmation.getByText("нет перевода")).toHaveCount(2);
  await confirmation
    .getByLabel("Кыргызча")
    .fill("Автобус саат 8:00дө филармониядан жөнөйт. <b>Кечикпеңиз</b>");

  // Before the preview: axe cannot look into a sandboxed letter, and waits for it in vain.
  await expectNoSeriousViolations(page);

  await page.getByLabel("Язык письма").selectOption("ky");
  await page.getByRole("button", { name: "Показать письма" }).click();
  const preview = page.getByTestId("letter-preview").first();
  await expect(preview).toContainText("Каттоо тастыкталды");
  await expect(preview.frameLocator("iframe").getByText("Автобус саат 8:00дө")).toBeVisible();

  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
  await page.reload();
  await expect(confirmation.getByLabel("Кыргызча")).toHaveValue(/Кечикпеңиз/);

  const participant = await registerThroughApi(request, event.slug, {
    lastName: "Асанова",
    firstName: "Нургүл",
    emailPrefix: "wording",
    locale: "ky",
  });
  await page.goto("/admin/mailbox");
  await page
    .getByRole("row", { name: new RegExp(participant.email) })
    .getByRole("link", { name: /Каттоо тастыкталды/ })
    .click();
  const letter = page.frameLocator("iframe");
  await expect(letter.getByText("Автобус саат 8:00дө филармониядан жөнөйт. <b>Кечикпеңиз</b>")).toBeVisible();
  await expect(letter.getByText("Автобус отходит")).toHaveCount(0);
});
