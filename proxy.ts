import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { securityHeaders } from "@/lib/http/security-headers";

// The Content-Security-Policy, Permissions-Policy and (over HTTPS)
// Strict-Transport-Security of every page rendered per request, with a fresh
// nonce: Next reads it from the request's Content-Security-Policy header and
// puts it on each script it emits (docs/decisions/014-content-security-policy.md).

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    dev: getEnv().NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"] ?? "");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: the build's files, the icon and the JSON API carry no
  // script. Not the cached event page either (takesNonce() in
  // lib/http/security-headers.ts): our web server gives it its headers.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|api/|icon.svg|door-sw.js|(?:(?:ky|en)/)?events/[^/]+/?$).*)",
      // A prefetch is answered from the same render as the page it leads to.
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
