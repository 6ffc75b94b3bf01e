import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { signIn } from "./staff-helpers";

// The worker backs up the embedded database on its first start, and the
// Instance page tells admins when the backups stop working.

test("the Instance page shows the worker's backup, then warns when the last attempt failed", async ({
  page,
}) => {
  await expect
    .poll(async () => (await sql("SELECT 1 FROM backup_run WHERE ok AND trigger = 'SCHEDULED'")).length, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  await signIn(page);
  await page.getByRole("link", { name: "Сервер" }).click();
  await expect(page.getByRole("heading", { name: "Резервные копии" })).toBeVisible();
  await expect(page.getByText(/kattoo-\d{8}T\d{6}Z-.+\.jsonl\.gz/)).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);

  await sql(
    `INSERT INTO backup_run (id, started_at, finished_at, trigger, ok, file, error)
     VALUES (gen_random_uuid(), now() + interval '1 minute', now() + interval '1 minute', 'SCHEDULED', false,
             '/full/disk', 'ENOSPC: no space left on device, write')`,
  );
  await page.reload();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Последняя попытка создать копию не удалась",
  );
  await expect(page.getByRole("main").getByRole("alert")).toContainText("ENOSPC: no space left on device");
  await sql("DELETE FROM backup_run WHERE file = '/full/disk'");
});
