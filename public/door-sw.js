// The door page's service worker (components/check-in/door.tsx registers it
// for /admin/events/). It lets the check-in page open without a connection:
// the page is fetched from the network when there is one (and kept), from
// the cache when there is none; Next.js's static files, whose names change
// with their content, are served from the cache once kept. Nothing else is
// touched: the check-in data live in the page's own storage.

const CACHE = "kattoo-door-v1"; // also named in components/check-in/door.tsx
const DOOR_PAGE = /^\/admin\/events\/[^/]+\/check-in\/?$/;
// On a weak connection, waiting longer for the network than this is worse than the kept copy.
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && DOOR_PAGE.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(request));
  }
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), NETWORK_TIMEOUT_MS)),
    ]);
    // A signed-out visit is redirected to sign in: that is not the page to keep.
    if (response.ok && !response.redirected) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
