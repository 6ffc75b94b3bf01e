import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entryPointOf } from "@/lib/entry-points/registry";

// Every route handler is made by the route layer (lib/entry-points/route.ts),
// which records who may call it. This imports every app/**/route.ts and
// fails for an HTTP method not recorded, or for a public one not on the list.

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The public handlers, and why each is public. */
const PUBLIC: Record<string, string> = {
  "app/api/health/route.ts GET": "health check",
  "app/api/auth/[...nextauth]/route.ts GET": "Auth.js itself",
  "app/api/auth/[...nextauth]/route.ts POST": "Auth.js itself",
  "app/api/events/[slug]/route.ts GET": "the public JSON API",
  "app/api/events/[slug]/registrations/route.ts POST": "the public JSON API",
  "app/api/events/[slug]/calendar.ics/route.ts GET": "the public calendar file",
  "app/[locale]/r/[token]/certificate/route.ts GET":
    "the participant's own certificate, authorized by the secret token",
};

async function routeFiles(): Promise<string[]> {
  const entries = await readdir("app", { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === "route.ts")
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("every route handler", () => {
  it("is recorded by the route layer, staff-only unless it is on the public list", async () => {
    const found: Record<string, string> = {};
    for (const file of await routeFiles()) {
      const module = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      for (const method of HTTP_METHODS.filter((name) => name in module)) {
        const entry = entryPointOf(module[method]);
        found[`${file} ${method}`] = !entry
          ? "not recorded"
          : entry.access === "public"
            ? "public"
            : `staff: ${entry.roles.join(", ")}`;
      }
    }
    expect(Object.keys(found).length).toBeGreaterThan(Object.keys(PUBLIC).length);
    const unrecorded = Object.entries(found).filter(([, access]) => access === "not recorded");
    expect(unrecorded).toEqual([]);
    const publicOnes = Object.keys(found).filter((key) => found[key] === "public");
    expect(publicOnes.sort()).toEqual(Object.keys(PUBLIC).sort());
  });
});
