import { appUrl } from "@/lib/env";

// The security headers of every page (docs/decisions/014-content-security-policy.md):
// proxy.ts sets them on pages rendered per request, with a nonce; our web
// server (lib/cli/serve.ts) on the cached event page, which proxy.ts skips
// (running it costs that page about half its requests per second).

/** The door page, the one place that opens the camera (the QR scanner). */
const DOOR_PAGE = /^\/admin\/events\/[^/]+\/check-in\/?$/;

/**
 * The public event page, served from Next's cache (revalidate = 3): its HTML
 * is rendered once for many visitors, so it cannot carry a per-request nonce.
 * The prefixed forms /ru/… redirect, so only these reach the page. proxy.ts's
 * matcher leaves out the same paths.
 */
const CACHED_PAGE = /^\/(?:(?:ky|en)\/)?events\/[^/]+\/?$/;

/** Powerful features none of our pages uses, refused to every page (and to anything they embed). */
const REFUSED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export function permissionsPolicy(pathname: string): string {
  const camera = DOOR_PAGE.test(pathname) ? "camera=(self)" : "camera=()";
  return [camera, ...REFUSED_FEATURES.map((feature) => `${feature}=()`)].join(", ");
}

/** Whether the page at `pathname` is rendered per request, and so can be given a nonce. */
export function takesNonce(pathname: string): boolean {
  return !CACHED_PAGE.test(pathname);
}

/**
 * The Content-Security-Policy of a page. With a nonce, only the scripts Next
 * marked with it run, and what they load ('strict-dynamic'): an injected
 * <script> or event handler does not. Without one (the cached event page),
 * inline scripts are allowed but still only from this origin, and nothing may
 * frame the page, post its forms elsewhere or change its base URL. Styles
 * allow inline attributes: React and the charts set them, and a style cannot
 * run code.
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce?: string; dev: boolean }): string {
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  // React's development build evaluates strings to rebuild call stacks.
  if (dev) scripts.push("'unsafe-eval'");
  const directives = [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (isHttps()) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The headers of the page at `pathname`; `nonce` when it is rendered per request. */
export function securityHeaders({
  pathname,
  nonce,
  dev,
}: {
  pathname: string;
  nonce?: string;
  dev: boolean;
}): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy({ nonce, dev }),
    "permissions-policy": permissionsPolicy(pathname),
  };
  const hsts = strictTransportSecurity();
  if (hsts) headers["strict-transport-security"] = hsts;
  return headers;
}

/** Strict-Transport-Security, only when the public address is HTTPS: over plain HTTP it means nothing and a browser ignores it. */
export function strictTransportSecurity(): string | undefined {
  return isHttps() ? "max-age=31536000; includeSubDomains" : undefined;
}

function isHttps(): boolean {
  return new URL(appUrl()).protocol === "https:";
}
