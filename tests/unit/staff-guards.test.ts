import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every page and route handler of the staff area checks its caller itself
// (STYLE.md, habit 5); server actions are checked by what defines them
// (tests/integration/entry-points.test.ts). This reads the code, so a new
// one cannot be forgotten.

const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/health/route.ts": "health check",
  "app/api/auth/[...nextauth]/route.ts": "Auth.js itself",
  "app/api/events/[slug]/route.ts": "the public JSON API",
  "app/api/events/[slug]/registrations/route.ts": "the public JSON API",
  "app/api/events/[slug]/calendar.ics/route.ts": "the public calendar file",
  "app/[locale]/r/[token]/certificate/route.ts":
    "the participant's own certificate, authorized by the secret token",
};

async function files(directory: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)));
}

describe("every endpoint checks its caller", () => {
  it("route handlers check staff unless they are meant for the public", async () => {
    const unguarded: string[] = [];
    for (const file of await files("app", /^route\.ts$/)) {
      if (file in PUBLIC_ROUTES) continue;
      const source = await readFile(file, "utf8");
      if (!source.includes("staffOrResponse(")) unguarded.push(file);
    }
    expect(unguarded).toEqual([]);
  });

  it("staff route handlers that change state refuse other sites and read JSON only (readJsonBody refuses other types)", async () => {
    const unchecked: string[] = [];
    for (const file of await files("app", /^route\.ts$/)) {
      if (file in PUBLIC_ROUTES) continue;
      const source = await readFile(file, "utf8");
      if (!/export (?:async )?function (?:POST|PUT|PATCH|DELETE)\b/.test(source)) continue;
      if (!source.includes("crossOriginResponse(") || !source.includes("readJsonBody(")) unchecked.push(file);
    }
    expect(unchecked).toEqual([]);
  });

  it("staff pages call requireStaff themselves, not only through the layout", async () => {
    const unguarded: string[] = [];
    for (const file of await files("app/admin/(staff)", /^page\.tsx$/)) {
      if (!(await readFile(file, "utf8")).includes("requireStaff(")) unguarded.push(file);
    }
    expect(unguarded).toEqual([]);
  });
});
