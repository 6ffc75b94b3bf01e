import { createServer } from "node:http";
import next from "next";
import { getEnv } from "@/lib/env";
import { PEER_HEADER } from "@/lib/http/client-address";
import { securityHeaders, takesNonce } from "@/lib/http/security-headers";
import { getLogger } from "@/lib/logging/logger";
import { handleWithRequestId } from "@/lib/logging/request-context";

// Kattoo's web server: Next's own request handler behind a plain node:http
// server, so that the application learns the TCP peer's address, which
// `next start` does not pass on. Rate limits need it: X-Forwarded-For is
// whatever the client wrote unless a proxy of ours wrote it
// (docs/decisions/013-client-address.md). `npm start` runs it in the
// launcher's own process (lib/cli/start.ts); `npm run dev` and the tests that
// need one of their own run it as a process (lib/cli/serve.ts).

const SHUTDOWN_GRACE_MS = 10_000;

/** Listens on PORT and HOST; `close` stops taking connections and lets the requests in flight finish. */
export async function startWebServer({ dev }: { dev: boolean }): Promise<{ close: () => Promise<void> }> {
  const { PORT, HOST } = getEnv();
  const server = createServer();
  const app = next({ dev, hostname: HOST, port: PORT, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();

  server.on("request", (request, response) => {
    // The one copy the application may trust is the one written here: a client
    // that sends its own (once or several times) has it replaced.
    delete request.headers[PEER_HEADER];
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "unknown";
    // The cached event page cannot take a nonce, and proxy.ts, which costs it
    // half its throughput, skips it: its security headers are set here.
    const pathname = URL.parse(request.url ?? "/", "http://localhost")?.pathname ?? "/";
    if (!takesNonce(pathname)) {
      for (const [name, value] of Object.entries(securityHeaders({ pathname, dev }))) {
        response.setHeader(name, value);
      }
    }
    handleWithRequestId(request, response, () => void handle(request, response));
  });

  await new Promise<void>((resolve) => server.listen(PORT, HOST, resolve));
  getLogger().info({ host: HOST, port: PORT, dev }, "web server listening");

  return {
    // A client that keeps a connection open does not hold the server past the grace period.
    close: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
      await app.close();
    },
  };
}
