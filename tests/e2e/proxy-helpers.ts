import { request as httpRequest } from "node:http";

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
