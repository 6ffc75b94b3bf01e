-- CreateIndex
CREATE INDEX "registration_event_id_number_idx" ON "registration"("event_id", "number");

-- CreateIndex
CREATE INDEX "registration_event_id_last_name_first_name_number_idx" ON "registration"("event_id", "last_name", "first_name", "number");

-- The list's filters are correlated (sectors cluster in regions, statuses in
-- sectors). Without statistics on the combination, the planner takes a rare
-- one for a common one and walks the event's rows in arrival order for 50
-- that are not there, instead of fetching the few that are.
CREATE STATISTICS "registration_status_category_region_stats" (mcv) ON "status", "category", "region" FROM "registration";
