import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project in CI; skipping it here
  // keeps a newcomer's first `npm start` short.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  serverExternalPackages: ["pg", "@node-rs/argon2"],
  experimental: {
    // A registration is a few hundred bytes; refuse anything far larger.
    serverActions: { bodySizeLimit: "64kb" },
    // Load a page's code with its first request rather than every page's at
    // start: a staff page nobody opens costs no memory
    // (docs/decisions/036-idle-memory.md).
    preloadEntriesOnStart: false,
  },
  // Russian, the default language, lives at the root: /events/x is served by
  // app/[locale] as /ru/events/x, and /ru/... redirects there. Done with
  // config rewrites rather than next-intl's proxy, whose rewrite Next 16
  // turns into a redirect loop when bound to anything but "localhost"
  // (docs/decisions/003-default-locale-without-prefix.md).
  async redirects() {
    return [
      { source: "/ru", destination: "/", permanent: false },
      { source: "/ru/:path*", destination: "/:path*", permanent: false },
    ];
  },
  async rewrites() {
    return {
      beforeFiles: [],
      afterFiles: [
        { source: "/", destination: "/ru" },
        { source: "/:path((?!ky(?:/|$)|en(?:/|$)|api/|admin(?:/|$)|_next/).+)", destination: "/ru/:path" },
      ],
      fallback: [],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      // The public event page is the same for every visitor (no session, no
      // nonce: docs/decisions/014-content-security-policy.md), so nginx or a
      // CDN may serve it for as long as Next's own cache would (its
      // `revalidate = 3`), and a stale copy while one request refreshes it.
      // Not the router's requests for it: Next answers one without its
      // `_rsc` parameter with a redirect that has no Vary, which a shared
      // cache would then give every visitor of the page. Every other page is
      // rendered per request and Next marks it private, no-store
      // (docs/decisions/028-shared-caching.md).
      ...["/events/:slug", "/:locale(ky|en)/events/:slug"].map((source) => ({
        source,
        missing: [{ type: "header" as const, key: "rsc" }],
        headers: [{ key: "Cache-Control", value: "public, s-maxage=3, stale-while-revalidate=60" }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
