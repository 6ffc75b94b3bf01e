import { describe, expect, it, vi } from "vitest";
import { GET as certificate } from "@/app/[locale]/r/[token]/certificate/route";
import { GET as calendar } from "@/app/api/events/[slug]/calendar.ics/route";
import { POST as register } from "@/app/api/events/[slug]/registrations/route";
import { GET as eventDetails } from "@/app/api/events/[slug]/route";
import { GET as health } from "@/app/api/health/route";
import { publicRoute } from "@/lib/entry-points/route";
import { getLogger } from "@/lib/logging/logger";
import { listRegistrations } from "@/lib/registrations/data";
import { parsePageStart, parseRegistrationFilters } from "@/lib/registrations/filters";
import { createTestEvent } from "../support/factories";

// Addresses no link of ours makes: a NUL byte (which PostgreSQL refuses in
// text, as an exception), a slug or token of the wrong shape. Each names
// nothing: a 404 (or 400 for a query), never a 500 or a database error.

const BASE = "http://127.0.0.1:3000";

function get(path: string) {
  return new Request(`${BASE}${path}`);
}

function context<Params>(params: Params) {
  return { params: Promise.resolve(params) };
}

const BAD_SLUGS = ["\0", "a\0b", "Not-A-Slug", "x".repeat(81), "../etc", "ünïcode"];

describe("public routes refuse an address that cannot name anything", () => {
  it.each(BAD_SLUGS)("GET /api/events/%j is a 404", async (slug) => {
    const response = await eventDetails(get(`/api/events/${encodeURIComponent(slug)}`), context({ slug }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });

  it.each(BAD_SLUGS)("GET /api/events/%j/calendar.ics is a 404", async (slug) => {
    const response = await calendar(
      get(`/api/events/${encodeURIComponent(slug)}/calendar.ics`),
      context({ slug }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });

  it.each(BAD_SLUGS)("POST /api/events/%j/registrations is a 404", async (slug) => {
    const response = await register(
      new Request(`${BASE}/api/events/${encodeURIComponent(slug)}/registrations`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ locale: "ru" }),
      }),
      context({ slug }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });

  it.each(["\0", `${"a".repeat(42)}\0`, "short"])("the certificate of token %j is a 404", async (token) => {
    const response = await certificate(get(`/ru/r/x/certificate`), context({ locale: "ru", token }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  });

  it("a NUL in the query is a 400; an unknown language still falls back to Russian", async () => {
    const event = await createTestEvent();
    const path = `/api/events/${event.slug}/calendar.ics`;
    const refused = await calendar(get(`${path}?lang=%00`), context({ slug: event.slug }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "invalid" });
    const fallback = await calendar(get(`${path}?lang=de`), context({ slug: event.slug }));
    expect(fallback.status).toBe(200);
    expect(await fallback.text()).toContain("Тестовый семинар");
  });

  it("a route without parameters is given none by Next, and answers", async () => {
    const response = await health(get("/api/health"), { params: Promise.resolve(undefined) } as never);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", db: "ok" });
  });

  it("a real event is still found, with its documented caching", async () => {
    const event = await createTestEvent();
    const response = await eventDetails(get(`/api/events/${event.slug}`), context({ slug: event.slug }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=5, stale-while-revalidate=5");
    expect((await response.json()).slug).toBe(event.slug);
  });
});

describe("the registrations list's filters and cursors (the staff list and the export)", () => {
  it("drop a search or a cursor holding a NUL instead of sending it to the database", async () => {
    const event = await createTestEvent();
    const filters = parseRegistrationFilters({ q: "Асан\0ова", sort: "name" }, { questions: [] });
    expect(filters.q).toBeUndefined();
    const cursor = Buffer.from(JSON.stringify({ lastName: "\0", firstName: "a", number: 1 })).toString(
      "base64url",
    );
    const start = parsePageStart({ after: cursor }, filters);
    expect(start).toBeUndefined();
    await expect(
      listRegistrations({ eventId: event.id, contacts: true, filters, start }),
    ).resolves.toMatchObject({
      rows: [],
    });
  });
});

describe("an unexpected error in a route handler", () => {
  it("is a 500 with a code and one log line naming the handler, without the request", async () => {
    const logged = vi.spyOn(getLogger(), "error").mockImplementation(() => undefined);
    const failing = publicRoute({
      name: "test.failing",
      run: async () => {
        throw new Error("the database went away");
      },
    });
    const response = await failing(
      new Request(`${BASE}/api/test`, { method: "POST", body: "email=private@example.test" }),
      context({}),
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "server_error" });
    expect(logged).toHaveBeenCalledTimes(1);
    const [fields] = logged.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(fields).toMatchObject({ entry: "test.failing", error: { message: "the database went away" } });
    expect(JSON.stringify(fields)).not.toContain("private@example.test");
    logged.mockRestore();
  });
});
