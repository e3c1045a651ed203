-- Issue #20: the online melding for professionals: kanaal web, the meldcode answers on the melding, and the
-- confirmation of the melder's e-mail address (only the token's hash kept).
ALTER TYPE "public"."melding_kanaal" ADD VALUE 'web';--> statement-breakpoint
CREATE TABLE "melder_bevestigingen" (
	"melding_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"bevestigd_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "melder_bevestigingen_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "melder_bevestigingen" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "meldcode" jsonb;--> statement-breakpoint
ALTER TABLE "melder_bevestigingen" ADD CONSTRAINT "melder_bevestigingen_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "melder_bevestigingen_open" ON "melder_bevestigingen" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "melder_bevestigingen_regio" ON "melder_bevestigingen" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = melder_bevestigingen.melding_id))) WITH CHECK ((vt_melding_in_regio(melder_bevestigingen.melding_id)));--> statement-breakpoint
-- The case view reads the confirmation with the case, also under the wijkteam's role (db/src/schema/row-security.ts).
GRANT SELECT ON "melder_bevestigingen" TO vt_wijkteam;
