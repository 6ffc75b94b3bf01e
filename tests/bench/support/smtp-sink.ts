import { type ChildProcess, fork } from "node:child_process";
import type { AddressInfo, Socket } from "node:net";
import { SMTPServer } from "smtp-server";

// An SMTP server that accepts everything and keeps only each message's
// Message-ID. It runs in a process of its own, as a real relay would, so that
// it does not take the sender's event loop; it must cost the machine as
// little as possible, so that the benchmark measures the sender.

type Reply = { port: number } | { messageIds: string[] };

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
    /** The Message-ID of every message received so far. */
    messageIds: async () => {
      const reply = next();
      child.send("messageIds");
      const answer = await reply;
      return "messageIds" in answer ? answer.messageIds : [];
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
  const messageIds: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        messageIds.push(head.match(/^Message-ID:\s*(\S+)/im)?.[1] ?? "");
        callback();
      });
    },
  });
  // As a relay tuned for throughput: answers are not held back by Nagle.
  server.server.on("connection", (socket: Socket) => socket.setNoDelay(true));
  server.listen(0, "127.0.0.1", () => {
    process.send?.({ port: (server.server.address() as AddressInfo).port } satisfies Reply);
  });
  process.on("message", () => process.send?.({ messageIds } satisfies Reply));
}

if (process.argv[1] === import.meta.filename) serve();
