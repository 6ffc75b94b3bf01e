import { describe, expect, it, vi } from "vitest";
import {
  contentSecurityPolicy,
  permissionsPolicy,
  strictTransportSecurity,
  takesNonce,
} from "@/lib/http/security-headers";

// Served over HTTPS: HSTS and upgrade-insecure-requests. (Over plain HTTP,
// tests/e2e/headers.spec.ts sees neither.)
vi.hoisted(() => {
  process.env.APP_URL = "https://kattoo.example.kg";
});

describe("security headers", () => {
  it("send Strict-Transport-Security and upgrade requests when the public address is HTTPS", () => {
    expect(strictTransportSecurity()).toBe("max-age=31536000; includeSubDomains");
    expect(contentSecurityPolicy({ nonce: "abc", dev: false })).toContain("upgrade-insecure-requests");
  });

  it("give the camera to the door page only", () => {
    const door = "/admin/events/0b6f7c1e-5d2a-4c4e-9f57-1d0e5a8b9c10/check-in";
    expect(permissionsPolicy(door)).toMatch(/^camera=\(self\),/);
    for (const path of [
      `${door}/walk-in`,
      "/admin/events/x/attendance",
      "/admin",
      "/events/seminar",
      "/admin/events/x/check-in-later",
    ]) {
      expect(permissionsPolicy(path)).toMatch(/^camera=\(\),/);
    }
    expect(permissionsPolicy(door)).toContain("microphone=()");
  });

  it("leave the nonce out only on the cached event page", () => {
    for (const path of ["/events/seminar", "/ky/events/seminar", "/en/events/seminar/"]) {
      expect(takesNonce(path)).toBe(false);
    }
    for (const path of ["/events/seminar/register", "/", "/admin", "/r/token", "/en/verify/CODE"]) {
      expect(takesNonce(path)).toBe(true);
    }
  });

  it("allow no inline script with a nonce, and eval only in development", () => {
    const strict = contentSecurityPolicy({ nonce: "abc", dev: false });
    expect(strict).toContain("script-src 'nonce-abc' 'strict-dynamic';");
    expect(strict).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ nonce: "abc", dev: true })).toContain("'unsafe-eval'");
  });
});
