CREATE TYPE "public"."vernietiging_status" AS ENUM('aangevraagd', 'toegewezen', 'afgewezen');--> statement-breakpoint
CREATE TABLE "vernietigingsverzoeken" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"reden" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "vernietiging_status" DEFAULT 'aangevraagd' NOT NULL,
	"besluit_reden" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"executed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "adviezen" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vernietigingsverzoeken" ADD CONSTRAINT "vernietigingsverzoeken_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vernietigingsverzoeken" ADD CONSTRAINT "vernietigingsverzoeken_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vernietigingsverzoeken" ADD CONSTRAINT "vernietigingsverzoeken_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vernietigingsverzoeken_status_idx" ON "vernietigingsverzoeken" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vernietigingsverzoeken_open_uq" ON "vernietigingsverzoeken" USING btree ("melding_id") WHERE "vernietigingsverzoeken"."status" = 'aangevraagd';