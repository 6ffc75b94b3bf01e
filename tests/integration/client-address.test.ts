import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/events/[slug]/registrations/route";
import { clientAddress, PEER_HEADER } from "@/lib/http/client-address";
import { createTestEvent, registrationInput } from "../support/factories";

// TRUSTED_PROXIES=0, the default: Kattoo reached directly. Whatever
// X-Forwarded-For a client writes, its limit is its TCP peer's.

vi.hoisted(() => {
  process.env.TRUSTED_PROXIES = "0";
  process.env.REGISTRATION_RATE_LIMIT = "30";
});

function register(slug: string, headers: Record<string, string>) {
  const request = new Request(`http://127.0.0.1/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(registrationInput()),
  });
  return POST(request, { params: Promise.resolve({ slug }) });
}

describe("the client's address with no proxy trusted", () => {
  it("gives a forged X-Forwarded-For no fresh limit: the 31st registration from one peer is refused", async () => {
    const event = await createTestEvent({ capacity: 500, quotas: {} });
    const statuses: number[] = [];
    for (let i = 1; i <= 31; i++) {
      const response = await register(event.slug, {
        "x-forwarded-for": `203.0.113.${i}, 198.51.100.${i}`,
        [PEER_HEADER]: "192.0.2.50",
      });
      statuses.push(response.status);
    }
    // Accepted (201, or 202 where the API answers "received" for any address).
    expect(statuses.slice(0, 30).every((status) => status >= 200 && status < 300)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another peer still has its own limit.
    const other = await register(event.slug, { [PEER_HEADER]: "192.0.2.51" });
    expect(other.status).toBeLessThan(300);
  });

  it("takes the peer, never a header entry", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.1", [PEER_HEADER]: "192.0.2.9" });
    expect(clientAddress(headers)).toBe("192.0.2.9");
  });

  it("puts every request without a peer (outside our web server) under one limit", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1" }))).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.2" }))).toBe("unknown");
  });
});
