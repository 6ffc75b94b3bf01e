import { jsonError } from "@/lib/api/json";
import { appUrl } from "@/lib/env";

/**
 * Route handlers that change state refuse requests from other sites. A
 * browser always sends Origin with a cross-site POST; a page on another site
 * cannot make it ours. Accepted: the app's public address (APP_URL), or the
 * host the request was sent to (what Next.js checks for server actions), so
 * a server reached by another name than APP_URL still works.
 */
export function crossOriginResponse(request: Request): Response | undefined {
  const origin = request.headers.get("origin");
  if (origin && (origin === new URL(appUrl()).origin || sameHost(origin, request.headers))) return undefined;
  return jsonError(403, "cross_origin");
}

function sameHost(origin: string, headers: Headers): boolean {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
