import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema, SCHEMA_PATH } from "@/lib/database/migrations";
import { databaseUrl } from "@/lib/env";

describe("migrations and schema.prisma", () => {
  it("agree: the migrations folder builds exactly the schema", async () => {
    // The engine applies the folder to a shadow database and compares it,
    // table by table and column by column, with the schema.
    expect(await diffMigrationsToSchema({ databaseUrl: databaseUrl() })).toBe("");
  });

  it("disagree as soon as a column is added without a migration", async () => {
    const schema = (await readFile(SCHEMA_PATH, "utf8")).replace(
      "  patronymic         String?\n",
      "  patronymic         String?\n  nickname           String?\n",
    );
    const drift = await diffMigrationsToSchema({ databaseUrl: databaseUrl(), schema });
    expect(drift).toContain('ADD COLUMN     "nickname" TEXT');
  });
});
