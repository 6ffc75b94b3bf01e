import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as upload } from "@/app/api/admin/events/[id]/images/route";
import { GET as getImage } from "@/app/api/images/[file]/route";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { idle } from "@/lib/entry-points/state";
import { appUrl } from "@/lib/env";
import { PEER_HEADER } from "@/lib/http/client-address";
import { moveEventImageAction, removeEventImageAction, savePublicContactAction } from "@/lib/images/actions";
import { MAX_IMAGE_BYTES } from "@/lib/images/schema";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { createTestEvent } from "../support/factories";

// Uploads go through the real route handler, as the images page's form posts
// them, and come back through the public image route; only Auth.js's reading
// of the session cookie and the request's headers are stood in for.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));
// revalidatePath needs the cache of a running Next server.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: "203.0.113.7" }) }));

async function signedIn(role: "ORGANIZER" | "CHECK_IN" = "ORGANIZER") {
  const created = await createStaffAccount({
    email: `images-${randomUUID()}@kattoo.test`,
    name: "Test",
    role,
    password: "a-long-enough-password",
    actor: { type: "SYSTEM" },
  });
  if (!created.ok) throw new Error(created.reason);
  const sessionId = await startStaffSession({ staffId: created.id, device: "Chrome, Linux" });
  vi.mocked(auth).mockResolvedValue({ staffId: created.id, sessionId, sessionVersion: 0 } as never);
}

type Upload = { file?: Blob; name?: string; slot?: string; alt?: string; origin?: string };

function post(
  eventId: string,
  { file, name = "logo.png", slot = "FUNDER", alt = "Фонд «Сорос-Кыргызстан»", origin }: Upload,
) {
  const form = new FormData();
  if (file) form.set("file", file, name);
  form.set("slot", slot);
  form.set("alt.ru", alt);
  form.set("alt.ky", "");
  form.set("alt.en", "");
  const request = new Request(`${appUrl()}/api/admin/events/${eventId}/images`, {
    method: "POST",
    headers: { origin: origin ?? new URL(appUrl()).origin },
    body: form,
  });
  return upload(request, { params: Promise.resolve({ id: eventId }) });
}

async function fetchImage(path: string) {
  const file = path.replace("/api/images/", "");
  return getImage(new Request(`${appUrl()}${path}`), { params: Promise.resolve({ file }) });
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 90, b: 160, alpha: 1 } } });

describe("an event's images", () => {
  beforeEach(() => vi.mocked(auth).mockReset());

  it("stores a logo re-encoded without its EXIF, served by its hash for a year", async () => {
    await signedIn();
    const event = await createTestEvent();
    const photo = await png(1600, 800)
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-owner", Artist: "GPS 42.87 74.61" } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const response = await post(event.id, {
      file: new Blob([new Uint8Array(photo)], { type: "image/jpeg" }),
      name: "logo.jpg",
    });
    expect(response.status).toBe(201);
    const stored = await db.eventImage.findFirstOrThrow({ where: { eventId: event.id } });
    expect(stored).toMatchObject({
      kind: "LOGO",
      role: "FUNDER",
      contentType: "image/png",
      width: 800,
      height: 400,
    });

    const served = await fetchImage(`/api/images/${stored.hash}.png`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: "png", width: 800, height: 400 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes("secret-owner")).toBe(false);
    // The wrong extension, or a hash nobody stored, names nothing.
    expect((await fetchImage(`/api/images/${stored.hash}.webp`)).status).toBe(404);
    expect((await fetchImage(`/api/images/${"0".repeat(64)}.png`)).status).toBe(404);
  });

  it("refuses hostile files with a field error: text named .png, too large, a decompression bomb", async () => {
    await signedIn();
    const event = await createTestEvent();
    const text = await post(event.id, { file: new Blob(["not an image at all"], { type: "image/png" }) });
    expect(text.status).toBe(400);
    expect(await text.json()).toEqual({ error: "invalid", fieldErrors: { file: "notAnImage" } });

    const huge = await post(event.id, { file: new Blob([new Uint8Array(MAX_IMAGE_BYTES + 100_000)]) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ error: "invalid", fieldErrors: { file: "imageTooLarge" } });

    // 8000 × 6000 pixels of one colour: a few kilobytes that would unpack into 192 MB.
    const bomb = await png(8000, 6000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.byteLength).toBeLessThan(MAX_IMAGE_BYTES);
    const bombed = await post(event.id, { file: new Blob([new Uint8Array(bomb)]) });
    expect(bombed.status).toBe(400);
    expect(await bombed.json()).toEqual({ error: "invalid", fieldErrors: { file: "imageTooManyPixels" } });

    const nameless = await post(event.id, {
      file: new Blob([new Uint8Array(await png(10, 10).png().toBuffer())]),
      alt: " ",
    });
    expect(await nameless.json()).toEqual({ error: "invalid", fieldErrors: { "alt.ru": "required" } });
    expect(await db.eventImage.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("turns an SVG into a PNG, so its script never reaches a browser", async () => {
    await signedIn();
    const event = await createTestEvent();
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><script>alert(1)</script><rect width="300" height="100" fill="#c00"/><image href="file:///etc/passwd"/></svg>`;
    const response = await post(event.id, {
      file: new Blob([svg], { type: "image/svg+xml" }),
      name: "logo.svg",
    });
    expect(response.status).toBe(201);
    const stored = await db.eventImage.findFirstOrThrow({ where: { eventId: event.id } });
    expect(stored.contentType).toBe("image/png");
    expect(Buffer.from(stored.bytes).includes("script")).toBe(false);
    expect((await sharp(stored.bytes).metadata()).format).toBe("png");
  });

  it("keeps one cover, replaced by the next one", async () => {
    await signedIn();
    const event = await createTestEvent();
    const cover = async (width: number) =>
      post(event.id, {
        slot: "COVER",
        alt: "Зал",
        file: new Blob([new Uint8Array(await png(width, 900).jpeg().toBuffer())]),
      });
    expect((await cover(3000)).status).toBe(201);
    expect((await cover(1200)).status).toBe(201);
    const covers = await db.eventImage.findMany({ where: { eventId: event.id, kind: "COVER" } });
    expect(covers).toHaveLength(1);
    expect(covers[0]).toMatchObject({ contentType: "image/webp", width: 1200, role: null });
  });

  it("lets only organizers upload, and only from our own pages", async () => {
    const event = await createTestEvent();
    const file = new Blob([new Uint8Array(await png(10, 10).png().toBuffer())]);
    expect((await post(event.id, { file })).status).toBe(401);
    await signedIn("CHECK_IN");
    expect((await post(event.id, { file })).status).toBe(403);
    await signedIn();
    expect((await post(event.id, { file, origin: "https://evil.example" })).status).toBe(403);
    expect(await db.eventImage.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("reorders and removes logos, and saves the public contact", async () => {
    await signedIn();
    const event = await createTestEvent();
    for (const alt of ["Первый", "Второй"]) {
      await post(event.id, { alt, file: new Blob([new Uint8Array(await png(10, 10).png().toBuffer())]) });
    }
    const names = async () =>
      (await db.eventImage.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } })).map(
        (image) => (image.alt as { ru: string }).ru,
      );
    expect(await names()).toEqual(["Первый", "Второй"]);
    const second = await db.eventImage.findFirstOrThrow({
      where: { eventId: event.id, alt: { path: ["ru"], equals: "Второй" } },
    });
    const moveForm = new FormData();
    moveForm.set("imageId", second.id);
    moveForm.set("direction", "up");
    expect(await moveEventImageAction(event.id, idle, moveForm)).toEqual({ status: "done" });
    expect(await names()).toEqual(["Второй", "Первый"]);

    const removeForm = new FormData();
    removeForm.set("imageId", second.id);
    expect(await removeEventImageAction(event.id, idle, removeForm)).toMatchObject({
      status: "done",
      message: "imageRemoved",
    });
    expect(await names()).toEqual(["Первый"]);

    const contact = new FormData();
    contact.set("phone", "+996 312 000 000");
    contact.set("telegram", "https://t.me/kattoo_kg");
    contact.set("latitude", "42.8746");
    contact.set("longitude", "");
    expect(await savePublicContactAction(event.id, idle, contact)).toMatchObject({
      status: "invalid",
      fieldErrors: { longitude: "required" },
    });
    contact.set("longitude", "74.6122");
    expect(await savePublicContactAction(event.id, idle, contact)).toMatchObject({ status: "done" });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      contactPhone: "+996 312 000 000",
      contactTelegram: "kattoo_kg",
      venueLatitude: 42.8746,
      venueLongitude: 74.6122,
    });
  });
});
