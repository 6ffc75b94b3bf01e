import { getEnv } from "@/lib/env";

/**
 * The request header that carries the TCP peer's address, written by our own
 * web server (lib/cli/serve.ts) after it has removed any copy a client sent.
 */
export const PEER_HEADER = "x-kattoo-peer";

/**
 * The client's address for rate limits (docs/decisions/013-client-address.md).
 * The chain is X-Forwarded-For as received, then the peer: each proxy appends
 * the address it saw, so the last TRUSTED_PROXIES entries before the peer
 * were written by proxies of ours and everything left of them by whoever
 * asked. 0 trusts no header and takes the peer itself; 1 takes the entry the
 * one proxy (nginx) appended. A chain shorter than that (a request that came
 * around the proxies) gives its leftmost entry, as Express's `trust proxy`
 * does. Without the peer header (the handler called outside our server, as
 * tests do), every such request shares one limit: nothing a client writes
 * can give it a fresh one.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, headers.get(PEER_HEADER) ?? "unknown"];
  const index = Math.max(0, chain.length - 1 - getEnv().TRUSTED_PROXIES);
  return chain[index] ?? "unknown";
}
