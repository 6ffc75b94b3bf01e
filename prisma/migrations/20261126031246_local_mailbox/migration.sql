-- CreateTable
CREATE TABLE "mailbox_message" (
    "id" UUID NOT NULL,
    "outbox_message_id" UUID,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mailbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mailbox_message_outbox_message_id_key" ON "mailbox_message"("outbox_message_id");

-- CreateIndex
CREATE INDEX "mailbox_message_created_at_idx" ON "mailbox_message"("created_at");
