import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What the entry-point registry cannot see (tests/integration/entry-points.test.ts
// checks who may call each action and route): staff pages check their caller
// themselves, and staff routes that change state refuse other sites. This
// reads the code, so a new one cannot be forgotten.

const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/health/route.ts": "health check",
  "app/api/metrics/route.ts": "for a monitoring system, which holds METRICS_TOKEN",
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

/**
 * Staff routes that take a body other than JSON, each with the reader that
 * caps it. They still refuse other sites (sameOrigin): a form on another
 * site can post multipart, but its browser sends that site's Origin.
 */
const OTHER_BODIES: Record<string, string> = {
  "app/api/admin/events/[id]/images/route.ts": "readImageUpload(",
  "app/api/admin/events/[id]/handouts/route.ts": "readHandoutUpload(",
};

describe("staff pages and routes", () => {
  it("staff route handlers that change state refuse other sites and read JSON only (readJsonBody refuses other types)", async () => {
    const unchecked: string[] = [];
    for (const file of await files("app", /^route\.ts$/)) {
      if (file in PUBLIC_ROUTES) continue;
      const source = await readFile(file, "utf8");
      if (!/export const (?:POST|PUT|PATCH|DELETE)\b/.test(source)) continue;
      // A body declared to eventRoute() is read by the route layer, with readJsonBody.
      const reads = OTHER_BODIES[file]
        ? source.includes(OTHER_BODIES[file])
        : /readJsonBody\(|^ {2}body: \w+Schema,$/m.test(source);
      if (!source.includes("sameOrigin: true") || !reads) unchecked.push(file);
    }
    expect(unchecked).toEqual([]);
  });

  it("staff pages call requireStaff, requireEventAccess or requireStaffEvent themselves, not only through the layout", async () => {
    const unguarded: string[] = [];
    for (const file of await files("app/admin/(staff)", /^page\.tsx$/)) {
      const source = await readFile(file, "utf8");
      // requireEventRefAccess(null, …): a new event, of no event yet (decision 041).
      const guards = [
        "requireStaff(",
        "requireEventAccess(",
        "requireStaffEvent(",
        "requireEventRefAccess(null, ",
      ];
      if (!guards.some((guard) => source.includes(guard))) unguarded.push(file);
    }
    expect(unguarded).toEqual([]);
  });
});
