CREATE TYPE "public"."dashboard_metric" AS ENUM('beoordeling_overdue', 'wachtlijst_onderzoek', 'onderzoek_overdue', 'overdracht_pending', 'monitoring_due', 'beoordeling_on_time_pct', 'onderzoek_on_time_pct');--> statement-breakpoint
CREATE TABLE "dashboard_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"metric" "dashboard_metric" NOT NULL,
	"team_id" uuid,
	"value" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_targets" ADD CONSTRAINT "dashboard_targets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_targets" ADD CONSTRAINT "dashboard_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_targets_lookup_idx" ON "dashboard_targets" USING btree ("metric","team_id","valid_from");