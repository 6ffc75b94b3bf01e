import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import {
  contentSecurityPolicy,
  permissionsPolicy,
  strictTransportSecurity,
  takesNonce,
} from "@/lib/http/security-headers";

// Every page's Content-Security-Policy, Permissions-Policy and (over HTTPS)
// Strict-Transport-Security. A page rendered per request gets a fresh nonce:
// Next reads it from the request's Content-Security-Policy header and puts it
// on each script it emits (docs/decisions/014-content-security-policy.md).

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = takesNonce(pathname)
    ? Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64")
    : undefined;
  const policy = contentSecurityPolicy({ nonce, dev: getEnv().NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  response.headers.set("permissions-policy", permissionsPolicy(pathname));
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  // Pages only: the build's files, the icon and the JSON API carry no script.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|api/|icon.svg|door-sw.js).*)",
      // A prefetch is answered from the same render as the page it leads to.
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
