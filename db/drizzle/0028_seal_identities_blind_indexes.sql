-- Identifying data sealed at rest and the radar on blind indexes (issue #14). Values written before this
-- migration stay readable as they are; `npm run db:rotate-key` seals them and builds their blind indexes.
ALTER TABLE "betrokkenen" ADD COLUMN "persoon_index" text;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "adres_index" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "betrokkenen_persoon_index_idx" ON "betrokkenen" USING btree ("persoon_index") WHERE "betrokkenen"."persoon_index" is not null;--> statement-breakpoint
CREATE INDEX "meldingen_adres_index_idx" ON "meldingen" USING btree ("adres_index","received_at");--> statement-breakpoint
DROP INDEX "betrokkenen_persoon_idx";--> statement-breakpoint
DROP INDEX "meldingen_adres_idx";--> statement-breakpoint
ALTER TABLE "meldingen" DROP COLUMN "postcode_norm";--> statement-breakpoint
ALTER TABLE "meldingen" DROP COLUMN "huisnummer_norm";