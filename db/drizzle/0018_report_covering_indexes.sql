DROP INDEX "adviezen_started_idx";--> statement-breakpoint
DROP INDEX "meldingen_received_idx";--> statement-breakpoint
CREATE INDEX "beoordelingen_decided_idx" ON "beoordelingen" USING btree ("decided_at","melding_id","route");--> statement-breakpoint
CREATE INDEX "adviezen_started_idx" ON "adviezen" USING btree ("started_at","kanaal","vrager_type","sector","geweldsvormen");--> statement-breakpoint
CREATE INDEX "meldingen_received_idx" ON "meldingen" USING btree ("received_at","melder_type","melder_rol","melder_sector","urgency","geweldsvormen");