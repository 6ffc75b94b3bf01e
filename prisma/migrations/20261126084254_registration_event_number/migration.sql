-- CreateIndex
CREATE INDEX "registration_event_id_number_idx" ON "registration"("event_id", "number");
