import type { RenderedLetter } from "@/lib/emails/render";

/**
 * The letter's HTML with its inline images embedded, to be shown in a
 * browser: the local mailbox, and the preview of an organizer's message.
 */
export function withInlineImages(letter: Pick<RenderedLetter, "html" | "attachments">): string {
  return letter.attachments.reduce((html, attachment) => {
    if (!attachment.cid) return html;
    const data = Buffer.from(attachment.content).toString("base64");
    return html.replaceAll(`cid:${attachment.cid}`, `data:${attachment.contentType};base64,${data}`);
  }, letter.html);
}
