import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/events/[slug]/registrations/route";
import { clientAddress, PEER_HEADER } from "@/lib/http/client-address";
import { createTestEvent, registrationInput } from "../support/factories";

// TRUSTED_PROXIES=1: one nginx in front, which appends the address it saw to
// X-Forwarded-For. That last entry is the client; anything before it is what
// the client wrote.

vi.hoisted(() => {
  process.env.TRUSTED_PROXIES = "1";
  process.env.REGISTRATION_RATE_LIMIT = "30";
});

const NGINX = "127.0.0.1";

describe("the client's address behind one proxy", () => {
  it("is the entry the proxy appended, whatever the client wrote before it", () => {
    const address = (forwarded: string) =>
      clientAddress(new Headers({ "x-forwarded-for": forwarded, [PEER_HEADER]: NGINX }));
    expect(address("203.0.113.7")).toBe("203.0.113.7");
    expect(address("10.9.9.9, 203.0.113.7")).toBe("203.0.113.7");
    expect(address("1.1.1.1,2.2.2.2 , 203.0.113.7")).toBe("203.0.113.7");
    // No header at all (a request that reached the port around nginx): the peer.
    expect(clientAddress(new Headers({ [PEER_HEADER]: "192.0.2.4" }))).toBe("192.0.2.4");
  });

  it("limits one client however it varies the entries in front of its own", async () => {
    const event = await createTestEvent({ capacity: 500, quotas: {} });
    const statuses: number[] = [];
    for (let i = 1; i <= 31; i++) {
      const request = new Request(`http://127.0.0.1/api/events/${event.slug}/registrations`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-forwarded-for": `10.0.0.${i}, 203.0.113.77`,
          [PEER_HEADER]: NGINX,
        },
        body: JSON.stringify(registrationInput()),
      });
      statuses.push((await POST(request, { params: Promise.resolve({ slug: event.slug }) })).status);
    }
    // Accepted (201, or 202 where the API answers "received" for any address).
    expect(statuses.slice(0, 30).every((status) => status >= 200 && status < 300)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
