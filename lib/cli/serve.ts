import { createServer } from "node:http";
import next from "next";
import { getEnv } from "@/lib/env";
import { PEER_HEADER } from "@/lib/http/client-address";
import { securityHeaders, takesNonce } from "@/lib/http/security-headers";
import { getLogger } from "@/lib/logging/logger";
import { handleWithRequestId } from "@/lib/logging/request-context";

// The web server `npm start` (and `npm run dev`, with --dev) runs: Next's own
// request handler behind a plain node:http server, so that the application
// learns the TCP peer's address, which `next start` does not pass on. Rate
// limits need it: X-Forwarded-For is whatever the client wrote unless a proxy
// of ours wrote it (docs/decisions/013-client-address.md).

const dev = process.argv.includes("--dev");
const { PORT, HOST } = getEnv();
const SHUTDOWN_GRACE_MS = 10_000;

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

server.listen(PORT, HOST, () => {
  getLogger().info({ host: HOST, port: PORT, dev }, "web server listening");
});

// SIGTERM (the launcher stopping, a service manager) or Ctrl+C: stop taking
// connections, let the requests in flight finish, then leave. A client that
// keeps a connection open does not hold the process past the grace period.
async function shutdown() {
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  await closed;
  await app.close();
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void shutdown());
