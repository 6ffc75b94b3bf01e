import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { sql } from "./database";
import { signIn } from "./staff-helpers";

// Donor visibility as its readers meet it: a messenger fetching a shared
// link, a participant on the event's page, an organizer uploading a logo.

const DEMO = "/events/migration-strategy-seminar";
const BOT = "TelegramBot (like TwitterBot)";

const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1]?.replaceAll("&amp;", "&");

test("a shared link's preview: Open Graph tags and a 1200×630 PNG per language", async ({ request }) => {
  for (const [path, lang, title] of [
    [DEMO, "ru", "Разработка стратегических документов"],
    [`/ky${DEMO}`, "ky", "Эмгек миграциясы тармагында"],
  ] as const) {
    const page = await request.get(path, { headers: { "user-agent": BOT } });
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(meta(html, "og:title")).toContain(title);
    expect(meta(html, "og:type")).toBe("website");
    expect(meta(html, "twitter:card")).toBe("summary_large_image");
    expect(meta(html, "og:image:width")).toBe("1200");
    expect(meta(html, "og:image:height")).toBe("630");
    const image = meta(html, "og:image");
    expect(image).toMatch(
      new RegExp(
        `^http://127\\.0\\.0\\.1:\\d+/api/events/migration-strategy-seminar/preview\\.png\\?lang=${lang}$`,
      ),
    );

    const png = await request.get(image ?? "", { headers: { "user-agent": BOT } });
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    const bytes = await png.body();
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(bytes.byteLength).toBeLessThan(300 * 1024);
  }
});

test("the event's page shows its cover, its logos by role, the contact and a map link @phone", async ({
  page,
}) => {
  await page.goto(DEMO);
  const cover = page.getByTestId("event-cover");
  await expect(cover).toHaveAttribute("alt", "Горы над Иссык-Кулем на рассвете");
  await expect.poll(() => cover.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1600);
  const funders = page.getByTestId("logos-FUNDER");
  await expect(funders.getByRole("img", { name: "Фонд открытого общества" })).toBeVisible();
  await expect(page.getByTestId("logos-ORGANIZER").getByRole("img")).toHaveCount(1);

  const cached = await page.request.get((await cover.getAttribute("src")) ?? "");
  expect(cached.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(cached.headers()["content-type"]).toBe("image/webp");
  expect(cached.headers()["x-content-type-options"]).toBe("nosniff");

  const contact = page.getByRole("region", { name: "Контакты организаторов" });
  await expect(contact.getByRole("link", { name: "seminar@kattoo.local" })).toHaveAttribute(
    "href",
    "mailto:seminar@kattoo.local",
  );
  await expect(contact.getByRole("link", { name: "+996 312 000 000" })).toHaveAttribute(
    "href",
    "tel:+996312000000",
  );
  await expect(contact.getByRole("link", { name: "@kattoo_demo" })).toHaveAttribute(
    "href",
    "https://t.me/kattoo_demo",
  );
  await expect(page.getByRole("link", { name: "Открыть на карте (OpenStreetMap)" })).toHaveAttribute(
    "href",
    "https://www.openstreetmap.org/?mlat=42.6486&mlon=77.0857#map=17/42.6486/77.0857",
  );
  await expectNoSeriousViolations(page);
});

test("an organizer uploads a logo and sees a refused file's reason at its field", async ({ page }) => {
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  await signIn(page);
  await expect(page.getByRole("heading", { name: "События" })).toBeVisible();
  await page.goto(`/admin/events/${demo?.id}`);
  await page.getByRole("link", { name: "Изображения" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Обложка, логотипы и контакты");

  const logos = page.getByRole("region", { name: "Логотипы" });
  await logos.getByLabel("Файл изображения").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from("this is text, not a picture"),
  });
  await logos.getByLabel("Русский").fill("Партнёр из теста");
  await logos.getByRole("button", { name: "Загрузить" }).click();
  await expect(logos.getByText("Это не изображение JPEG, PNG, WebP или SVG.")).toBeVisible();

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80"><rect width="240" height="80" fill="#1d4ed8"/></svg>`;
  await logos.getByLabel("Чей логотип").selectOption("PARTNER");
  await logos
    .getByLabel("Файл изображения")
    .setInputFiles({ name: "partner.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
  await logos.getByRole("button", { name: "Загрузить" }).click();
  await expect(logos.getByText("Изображение добавлено.")).toBeVisible();
  await expect(logos.getByText("Партнёр из теста")).toBeVisible();
  await expectNoSeriousViolations(page);

  await logos.getByRole("button", { name: "Удалить: Партнёр из теста" }).click();
  await expect(logos.getByText("Партнёр из теста")).toHaveCount(0);
});
