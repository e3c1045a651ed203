-- Issue #22: the roster — who works which day, when, in which team, with which specialisms; the region's own rows
-- (row-level security as for the MDO meetings). Expand only.
CREATE TYPE "public"."specialisme" AS ENUM('eergerelateerd_geweld', 'mensenhandel', 'jeugd', 'ouderen');--> statement-breakpoint
CREATE TABLE "rooster_diensten" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"datum" date NOT NULL,
	"van_minuut" smallint NOT NULL,
	"tot_minuut" smallint NOT NULL,
	"team_id" uuid,
	"specialismen" "specialisme"[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"regio" text DEFAULT vt_regio(),
	CONSTRAINT "rooster_diensten_tijden" CHECK ("rooster_diensten"."van_minuut" >= 0 and "rooster_diensten"."tot_minuut" <= 1440 and "rooster_diensten"."van_minuut" < "rooster_diensten"."tot_minuut")
);
--> statement-breakpoint
ALTER TABLE "rooster_diensten" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "rooster_diensten" ADD CONSTRAINT "rooster_diensten_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooster_diensten" ADD CONSTRAINT "rooster_diensten_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooster_diensten" ADD CONSTRAINT "rooster_diensten_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rooster_diensten_uq" ON "rooster_diensten" USING btree ("user_id","datum","van_minuut");--> statement-breakpoint
CREATE INDEX "rooster_diensten_datum_idx" ON "rooster_diensten" USING btree ("datum");--> statement-breakpoint
CREATE POLICY "rooster_diensten_open" ON "rooster_diensten" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "rooster_diensten_regio" ON "rooster_diensten" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((rooster_diensten.regio = vt_regio())) WITH CHECK ((rooster_diensten.regio = vt_regio()));