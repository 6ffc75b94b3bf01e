import { getEnv } from "@/lib/env";

/**
 * The client's address for rate limits. Next.js fills X-Forwarded-For with
 * the socket's address when the request has none; a reverse proxy appends
 * the address it saw. TRUSTED_PROXIES says how many proxies stand in front,
 * so the entry that many places from the end is the one nobody could forge.
 */
export function clientAddress(headers: Headers): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const fromEnd = Math.max(1, getEnv().TRUSTED_PROXIES);
  return chain[chain.length - fromEnd] ?? chain[0] ?? "unknown";
}
