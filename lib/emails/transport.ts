import "server-only";
import { connect, type Socket } from "node:net";
import type { Transporter } from "nodemailer";
import { withInlineImages } from "@/lib/emails/inline-images";
import { storeInMailbox } from "@/lib/emails/mutations";
import type { RenderedLetter } from "@/lib/emails/render";
import { getEnv } from "@/lib/env";

// One transport per process, created once: SMTP when SMTP_URL is set, else
// the local mailbox, where staff read what would have been sent.

export type SendResult = { providerMessageId: string };
export type Send = (letter: RenderedLetter & { outboxMessageId: string }) => Promise<SendResult>;

export function createSender({
  smtpUrl: SMTP_URL = getEnv().SMTP_URL,
  mailFrom: MAIL_FROM = getEnv().MAIL_FROM,
  connections = 4,
}: {
  smtpUrl?: string;
  mailFrom?: string;
  /** How many SMTP connections at most. */
  connections?: number;
} = {}): { send: Send; describe: string; close: () => void } {
  const domain = MAIL_FROM.match(/@([^>\s]+)/)?.[1] ?? "kattoo.local";
  const envelope = (letter: RenderedLetter & { outboxMessageId: string }) => ({
    from: MAIL_FROM,
    // Names go in as structured addresses: nodemailer encodes them, so no
    // participant text can start a header of its own.
    to: { name: letter.to.name.replace(/[\r\n]+/g, " "), address: letter.to.address },
    replyTo: letter.replyTo,
    subject: letter.subject.replace(/[\r\n]+/g, " "),
    html: letter.html,
    text: letter.text,
    attachments: letter.attachments,
    // Stable per letter: a resent copy can be recognised as the same letter.
    messageId: `<${letter.outboxMessageId}@${domain}>`,
  });

  // nodemailer is loaded with the first letter, not at start: an idle
  // worker stays small (docs/performance.md, start-up).
  let opened: Promise<Transporter> | undefined;
  const transport = () => {
    opened ??= openTransport(SMTP_URL, connections);
    return opened;
  };
  const close = () => void opened?.then((open) => open.close());

  if (SMTP_URL) {
    return {
      describe: `SMTP ${new URL(SMTP_URL).host}`,
      send: async (letter) => {
        const info = await (await transport()).sendMail(envelope(letter));
        return { providerMessageId: info.messageId };
      },
      close,
    };
  }

  return {
    describe: "local mailbox",
    send: async (letter) => {
      const info = await (await transport()).sendMail(envelope(letter));
      await storeInMailbox({
        outboxMessageId: letter.outboxMessageId,
        toAddress: letter.to.address,
        subject: letter.subject,
        html: withInlineImages(letter),
        text: letter.text,
        raw: (info.message as Buffer).toString("utf8"),
      });
      return { providerMessageId: info.messageId };
    },
    close,
  };
}

/** SMTP when a URL is given, else a transport that returns each letter as its bytes, for the mailbox. */
async function openTransport(smtpUrl: string | undefined, connections: number): Promise<Transporter> {
  const { default: nodemailer } = await import("nodemailer");
  if (!smtpUrl) return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" });
  const { parseConnectionUrl } = await import("nodemailer/lib/shared");
  const settings = parseConnectionUrl(smtpUrl);
  return nodemailer.createTransport({
    // Given `url`, nodemailer would read nothing else (no pool: a new
    // connection per letter); the URL's settings go in beside the others.
    ...settings,
    pool: true,
    maxConnections: connections,
    // smtps:// stays nodemailer's own TLS connection.
    ...(settings.secure ? {} : { getSocket: connectWithoutDelay }),
  });
}

/**
 * Opens the connection with Nagle's algorithm off: nodemailer writes the end
 * of each letter as a small packet of its own, which Nagle holds until the
 * server's delayed acknowledgement (40 ms on Linux), so that one connection
 * sent some 20 letters a second; nodemailer has no option for it. The socket
 * is handed over while it connects, so that a refused connection reaches
 * nodemailer as its own error (an error returned here would leave its pool
 * waiting for a connection that never comes).
 */
function connectWithoutDelay(
  options: { host?: string; port?: number; secure?: boolean },
  callback: (error: null, socketOptions: { connection: Socket }) => void,
) {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  callback(null, { connection: connect({ host: options.host, port, noDelay: true }) });
}
