import { createHash, timingSafeEqual } from "node:crypto";

// Who may read /api/metrics: a caller who sends METRICS_TOKEN as a bearer
// token. Compared in constant time, over digests of equal length, so that
// neither the time taken nor an early length check tells how much of a
// guess was right.

export type MetricsAccess = "disabled" | "refused" | "allowed";

const digest = (text: string) => createHash("sha256").update(text).digest();

export function metricsAccess({
  token,
  authorization,
}: {
  /** METRICS_TOKEN; unset, the metrics are not served at all. */
  token: string | undefined;
  /** The request's Authorization header. */
  authorization: string | null;
}): MetricsAccess {
  if (!token) return "disabled";
  const offered = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(offered), digest(token)) ? "allowed" : "refused";
}
