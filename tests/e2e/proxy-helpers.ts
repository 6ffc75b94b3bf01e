import { request as httpRequest } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

// For the specs that start their own servers and a real nginx
// (client-address.spec.ts, deploy.spec.ts): clients at addresses of their own.

/**
 * A loopback address of the test's own (any of 127.0.0.0/8 is this machine):
 * other tests register from 127.0.0.1 through the same database's limits.
 */
export function freshLoopback(): string {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `127.${byte()}.${byte()}.${byte()}`;
}

/** Resolves once `url` answers 200; fails after `timeoutMs`, saying what `output` holds. */
export async function waitUntilHealthy(url: string, timeoutMs: number, output: () => string = () => "") {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer:\n${output()}`);
}

/** A registration posted to `port` from `localAddress`, with the headers given; resolves to its status. */
export function postRegistration({
  port,
  slug,
  localAddress,
  payload,
  headers = {},
}: {
  port: number;
  slug: string;
  localAddress: string;
  payload: Record<string, unknown>;
  headers?: Record<string, string>;
}) {
  const body = JSON.stringify(payload);
  return new Promise<number>((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: "POST",
        path: `/api/events/${slug}/registrations`,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
