import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server on 127.0.0.1 for tests: it keeps what it receives, parsed
// as a mail client would, and can refuse mail or go away on demand.

export type TestSmtpServer = {
  url: string;
  received: ParsedMail[];
  /** How many connections clients have opened so far. */
  connections: () => number;
  /** Answer every message with a temporary failure (451), or accept again. */
  refuse: (refusing: boolean) => void;
  /** Waits until `count` of the messages that match `where` have arrived, and returns those. */
  waitFor: (options: {
    count: number;
    where: (mail: ParsedMail) => boolean;
    timeoutMs?: number;
  }) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
};

export async function startTestSmtpServer({ port = 0 }: { port?: number } = {}): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  let refusing = false;
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (refusing) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    connections: () => connections,
    refuse: (value) => {
      refusing = value;
    },
    waitFor: async ({ count, where, timeoutMs = 30_000 }) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter(where);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) throw new Error(`Only ${matching.length} of ${count} letters arrived.`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
