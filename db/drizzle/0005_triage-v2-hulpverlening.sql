-- Issue #17: triage policy v2. The route hulpverlening (a handover to the professional already involved, which the
-- wijkteam never sees), the acceptance recorded on the contact person's behalf, and the policy's activations: v1 as
-- the first version, v2 active from this migration's deploy (domain.md, "Activation").
ALTER TYPE "public"."route" ADD VALUE 'hulpverlening' BEFORE 'afsluiten';--> statement-breakpoint
CREATE TABLE "triage_beleid_activaties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"versie" text NOT NULL,
	"ingang" timestamp with time zone NOT NULL,
	"reden" text NOT NULL,
	"door" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "overdrachten" ADD COLUMN "hulpverlening" text;--> statement-breakpoint
ALTER TABLE "overdrachten" ADD COLUMN "namens" varchar(20);--> statement-breakpoint
CREATE INDEX "triage_beleid_activaties_ingang_idx" ON "triage_beleid_activaties" USING btree ("ingang");--> statement-breakpoint
ALTER POLICY "meldingen_wijkteam" ON "meldingen" TO vt_wijkteam USING ((EXISTS (SELECT 1 FROM overdrachten o WHERE o.melding_id = meldingen.id AND o.gemeente_code = vt_wijkteam_gemeente() AND o.hulpverlening IS NULL)));--> statement-breakpoint
ALTER POLICY "overdrachten_wijkteam" ON "overdrachten" TO vt_wijkteam USING ((gemeente_code = vt_wijkteam_gemeente() AND hulpverlening IS NULL));--> statement-breakpoint
INSERT INTO "triage_beleid_activaties" ("versie", "ingang", "reden") VALUES
  ('v1', '2000-01-01T00:00:00Z', 'Eerste versie van het triagebeleid.'),
  ('v2', now(), 'Triagebeleid v2 bij de installatie van deze versie: eergerelateerd geweld en mensenhandel naar het MDO met aandachtspunten, de route hulpverlening, en een vermoedelijke pleger telt niet als het kind in gevaar.');
