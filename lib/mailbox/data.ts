import "server-only";
import { db } from "@/lib/db";

export function listMailbox({ take = 200 }: { take?: number } = {}) {
  return db.mailboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toAddress: true, subject: true, createdAt: true },
  });
}

export function getMailboxMessage({ id }: { id: string }) {
  return db.mailboxMessage.findUnique({ where: { id } });
}
