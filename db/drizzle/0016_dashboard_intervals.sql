ALTER TABLE "meldingen" ADD COLUMN "first_beoordeling_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "meldingen_beoordeling_overdue_gist" ON "meldingen" USING gist ((tstzrange(beoordeling_due_at, case when first_beoordeling_at is null then null else greatest(beoordeling_due_at, first_beoordeling_at) end, '()')));--> statement-breakpoint
CREATE INDEX "meldingen_first_beoordeling_idx" ON "meldingen" USING btree ("first_beoordeling_at");--> statement-breakpoint
CREATE INDEX "meldingen_niet_beoordeeld_idx" ON "meldingen" USING btree ("received_at") WHERE "meldingen"."first_beoordeling_at" is null;--> statement-breakpoint
CREATE INDEX "monitoring_due_gist" ON "monitoring_checkpoints" USING gist ((tstzrange(((due_date + 1)::timestamp at time zone 'Europe/Amsterdam'), case when recorded_at is null then null else greatest(((due_date + 1)::timestamp at time zone 'Europe/Amsterdam'), recorded_at) end, '[)')));--> statement-breakpoint
CREATE INDEX "onderzoeken_wachtlijst_gist" ON "onderzoeken" USING gist ((tstzrange(besluit_at, case when least((started_at::timestamp at time zone 'Europe/Amsterdam'), afgerond_at) is null then null else greatest(besluit_at, least((started_at::timestamp at time zone 'Europe/Amsterdam'), afgerond_at)) end, '[)')));--> statement-breakpoint
CREATE INDEX "onderzoeken_overdue_gist" ON "onderzoeken" USING gist ((tstzrange(((due_date + 1)::timestamp at time zone 'Europe/Amsterdam'), case when afgerond_at is null then null else greatest(((due_date + 1)::timestamp at time zone 'Europe/Amsterdam'), afgerond_at) end, '[)'))) WHERE "onderzoeken"."due_date" is not null;--> statement-breakpoint
CREATE INDEX "onderzoeken_besluit_idx" ON "onderzoeken" USING btree ("besluit_at");--> statement-breakpoint
CREATE INDEX "onderzoeken_started_idx" ON "onderzoeken" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "onderzoeken_afgerond_idx" ON "onderzoeken" USING btree ("afgerond_at");--> statement-breakpoint
CREATE INDEX "onderzoeken_melding_idx" ON "onderzoeken" USING btree ("melding_id");--> statement-breakpoint
CREATE INDEX "overdrachten_pending_gist" ON "overdrachten" USING gist ((tstzrange(created_at, case when decided_at is null then null else greatest(created_at, decided_at) end, '[)')));--> statement-breakpoint
CREATE INDEX "overdrachten_melding_idx" ON "overdrachten" USING btree ("melding_id");--> statement-breakpoint
-- first_beoordeling_at: the earliest beoordeling of each melding, kept by one statement per insert (a bulk insert
-- of many beoordelingen updates each melding once).
UPDATE meldingen m SET first_beoordeling_at = b.first
  FROM (SELECT melding_id, min(decided_at) AS first FROM beoordelingen GROUP BY melding_id) b
 WHERE b.melding_id = m.id;
--> statement-breakpoint
CREATE FUNCTION meldingen_first_beoordeling() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE meldingen m SET first_beoordeling_at = n.first
    FROM (SELECT melding_id, min(decided_at) AS first FROM nieuw GROUP BY melding_id) n
   WHERE m.id = n.melding_id AND (m.first_beoordeling_at IS NULL OR m.first_beoordeling_at > n.first);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER beoordelingen_first AFTER INSERT ON beoordelingen
  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION meldingen_first_beoordeling();
