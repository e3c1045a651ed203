-- Issue #20: the melder's status page and the terugkoppeling as a message. A status link per melding (only the
-- token's hash kept; expires; revocable; one working link at a time), the message to the melder and when it was
-- read on the terugkoppeling, and the dashboard's two terugkoppeling percentages. Expand only.
ALTER TYPE "public"."event_type" ADD VALUE 'terugkoppeling_gelezen';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'statuslink_gemaakt';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'statuslink_ingetrokken';--> statement-breakpoint
ALTER TYPE "public"."dashboard_metric" ADD VALUE 'terugkoppeling_on_time_pct';--> statement-breakpoint
ALTER TYPE "public"."dashboard_metric" ADD VALUE 'terugkoppeling_gelezen_pct';--> statement-breakpoint
CREATE TABLE "melder_statuslinks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "melder_statuslinks_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "melder_statuslinks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "terugkoppelingen" ADD COLUMN "bericht" text;--> statement-breakpoint
ALTER TABLE "terugkoppelingen" ADD COLUMN "gelezen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "melder_statuslinks" ADD CONSTRAINT "melder_statuslinks_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melder_statuslinks" ADD CONSTRAINT "melder_statuslinks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melder_statuslinks" ADD CONSTRAINT "melder_statuslinks_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "melder_statuslinks_actief_uq" ON "melder_statuslinks" USING btree ("melding_id") WHERE "melder_statuslinks"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "terugkoppelingen_due_idx" ON "terugkoppelingen" USING btree ("due_date","done_at");--> statement-breakpoint
CREATE INDEX "terugkoppelingen_bericht_idx" ON "terugkoppelingen" USING btree ("done_at","gelezen_at") WHERE "terugkoppelingen"."bericht" is not null;--> statement-breakpoint
CREATE POLICY "melder_statuslinks_open" ON "melder_statuslinks" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "melder_statuslinks_regio" ON "melder_statuslinks" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = melder_statuslinks.melding_id))) WITH CHECK ((vt_melding_in_regio(melder_statuslinks.melding_id)));--> statement-breakpoint
-- The case view reads the link's dates with the case, also under the wijkteam's role (db/src/schema/row-security.ts).
GRANT SELECT ON "melder_statuslinks" TO vt_wijkteam;
