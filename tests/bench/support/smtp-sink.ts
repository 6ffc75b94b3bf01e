import { type ChildProcess, fork } from "node:child_process";
import type { AddressInfo, Socket } from "node:net";
import { SMTPServer } from "smtp-server";

// An SMTP server that accepts everything and keeps only each message's
// Message-ID and first recipient. It runs in a process of its own, as a real relay would, so that
// it does not take the sender's event loop; it must cost the machine as
// little as possible, so that the benchmark measures the sender.

type Received = { messageId: string; to: string };
type Reply = { port: number } | { received: Received[] };

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

export async function startSmtpSink() {
  const child = fork(import.meta.filename, [], { execArgv: ["--import", "tsx"] });
  const next = () =>
    new Promise<Reply>((resolve, reject) => {
      child.once("message", (reply) => resolve(reply as Reply));
      child.once("exit", () => reject(new Error("The SMTP sink stopped.")));
    });
  const ready = await next();
  if (!("port" in ready)) throw new Error("The SMTP sink did not start.");
  return {
    url: `smtp://127.0.0.1:${ready.port}`,
    /** The Message-ID and first recipient of every message received so far. */
    received: async () => {
      const reply = next();
      child.send("received");
      const answer = await reply;
      return "received" in answer ? answer.received : [];
    },
    close: () => stop(child),
  };
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill();
  });
}

function serve() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        received.push({
          messageId: head.match(/^Message-ID:\s*(\S+)/im)?.[1] ?? "",
          to: session.envelope.rcptTo[0]?.address ?? "",
        });
        callback();
      });
    },
  });
  // As a relay tuned for throughput: answers are not held back by Nagle.
  server.server.on("connection", (socket: Socket) => socket.setNoDelay(true));
  server.listen(0, "127.0.0.1", () => {
    process.send?.({ port: (server.server.address() as AddressInfo).port } satisfies Reply);
  });
  process.on("message", () => process.send?.({ received } satisfies Reply));
}

if (process.argv[1] === import.meta.filename) serve();
