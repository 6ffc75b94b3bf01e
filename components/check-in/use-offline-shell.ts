"use client";

import { useEffect } from "react";
import { hasNativeQrDetector } from "@/components/check-in/qr-scanner";

const SERVICE_WORKER = "/door-sw.js";
// Also named in public/door-sw.js.
const SHELL_CACHE = "kattoo-door-v1";

/**
 * Registers the service worker and puts this page and the files it loaded in
 * its cache, so that the page opens again without a connection. The first
 * visit is not yet served by the worker, so the page caches itself.
 */
export function useOfflineShell() {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    void (async () => {
      await navigator.serviceWorker.register(SERVICE_WORKER, { scope: "/admin/events/" });
      if (!navigator.onLine) return;
      // Where the camera needs jsQR, load it now so that scanning works offline too.
      if (!(await hasNativeQrDetector())) await import("jsqr");
      const assets = performance
        .getEntriesByType("resource")
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === window.location.origin && url.pathname.startsWith("/_next/static/"))
        .map((url) => url.href);
      const cache = await caches.open(SHELL_CACHE);
      await Promise.all([
        cache.add(window.location.pathname),
        ...assets.map(async (asset) => (await cache.match(asset)) ?? cache.add(asset)),
      ]).catch(() => undefined);
    })();
  }, []);
}
