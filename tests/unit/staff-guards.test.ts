import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every server action and route handler is a public endpoint (STYLE.md,
// habit 5). This reads the code, so a new one cannot be forgotten: each must
// either check its caller with requireStaff()/staffOrResponse() or be on the
// list of those meant for the public, with the reason.

const PUBLIC_ACTIONS: Record<string, string> = {
  registerAction: "the public registration form",
  updateRegistrationAction: "the participant's own page, authorized by the secret token",
  cancelRegistrationAction: "the participant's own page, authorized by the secret token",
  signInAction: "signing in",
  signOutAction: "signing out",
  setStaffLocaleAction: "a language cookie, no data",
};

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

/** The exported async functions of a module and their bodies, up to the next export. */
function exportedFunctions(source: string): { name: string; body: string }[] {
  const starts = [...source.matchAll(/^export (?:async )?function (\w+)/gm)];
  return starts.map((match, index) => ({
    name: match[1] ?? "",
    body: source.slice(match.index, starts[index + 1]?.index ?? source.length),
  }));
}

describe("every endpoint checks its caller", () => {
  it("server actions call requireStaff unless they are meant for the public", async () => {
    const unguarded: string[] = [];
    for (const file of await files("lib", /\.tsx?$/)) {
      const source = await readFile(file, "utf8");
      if (!/^["']use server["'];/m.test(source)) continue;
      for (const { name, body } of exportedFunctions(source)) {
        if (!(name in PUBLIC_ACTIONS) && !body.includes("requireStaff(")) unguarded.push(`${file}: ${name}`);
      }
    }
    expect(unguarded).toEqual([]);
  });

  it("route handlers are staff routes (lib/entry-points/route.ts) unless they are meant for the public", async () => {
    const unguarded: string[] = [];
    for (const file of await files("app", /^route\.ts$/)) {
      if (file in PUBLIC_ROUTES) continue;
      const source = await readFile(file, "utf8");
      if (!source.includes("staffRoute(")) unguarded.push(file);
    }
    expect(unguarded).toEqual([]);
  });

  it("staff route handlers that change state refuse other sites and read JSON only (readJsonBody refuses other types)", async () => {
    const unchecked: string[] = [];
    for (const file of await files("app", /^route\.ts$/)) {
      if (file in PUBLIC_ROUTES) continue;
      const source = await readFile(file, "utf8");
      if (!/export const (?:POST|PUT|PATCH|DELETE)\b/.test(source)) continue;
      if (!source.includes("sameOrigin: true") || !source.includes("readJsonBody(")) unchecked.push(file);
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
