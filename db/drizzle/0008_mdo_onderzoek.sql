CREATE TYPE "public"."mdo_besluit" AS ENUM('onderzoek', 'vv', 'overdracht', 'afsluiten');--> statement-breakpoint
CREATE TYPE "public"."onderzoek_vervolg" AS ENUM('overdracht', 'vv', 'monitoring', 'afsluiten');--> statement-breakpoint
CREATE TABLE "mdo_agendapunten" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mdo_id" uuid NOT NULL,
	"melding_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"besluit" "mdo_besluit",
	"toelichting" text,
	"eigenaar" uuid,
	"besluit_by" uuid,
	"besluit_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mdo_overleggen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"datum" date NOT NULL,
	"deelnemers" uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onderzoeken" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"team_id" uuid,
	"besluit_at" timestamp with time zone NOT NULL,
	"started_at" date,
	"due_date" date,
	"afgerond_at" timestamp with time zone,
	"uitkomsten" jsonb,
	"vervolg" "onderzoek_vervolg",
	"started_by" uuid,
	"afgerond_by" uuid
);
--> statement-breakpoint
ALTER TABLE "mdo_agendapunten" ADD CONSTRAINT "mdo_agendapunten_mdo_id_mdo_overleggen_id_fk" FOREIGN KEY ("mdo_id") REFERENCES "public"."mdo_overleggen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdo_agendapunten" ADD CONSTRAINT "mdo_agendapunten_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdo_agendapunten" ADD CONSTRAINT "mdo_agendapunten_eigenaar_users_id_fk" FOREIGN KEY ("eigenaar") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdo_agendapunten" ADD CONSTRAINT "mdo_agendapunten_besluit_by_users_id_fk" FOREIGN KEY ("besluit_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mdo_overleggen" ADD CONSTRAINT "mdo_overleggen_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onderzoeken" ADD CONSTRAINT "onderzoeken_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onderzoeken" ADD CONSTRAINT "onderzoeken_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onderzoeken" ADD CONSTRAINT "onderzoeken_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onderzoeken" ADD CONSTRAINT "onderzoeken_afgerond_by_users_id_fk" FOREIGN KEY ("afgerond_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mdo_agendapunten_uq" ON "mdo_agendapunten" USING btree ("mdo_id","melding_id");--> statement-breakpoint
CREATE INDEX "mdo_agendapunten_melding_idx" ON "mdo_agendapunten" USING btree ("melding_id");--> statement-breakpoint
CREATE INDEX "mdo_overleggen_datum_idx" ON "mdo_overleggen" USING btree ("datum");--> statement-breakpoint
CREATE UNIQUE INDEX "onderzoeken_open_uq" ON "onderzoeken" USING btree ("melding_id") WHERE "onderzoeken"."afgerond_at" is null;--> statement-breakpoint
CREATE INDEX "onderzoeken_wachtlijst_idx" ON "onderzoeken" USING btree ("besluit_at") WHERE "onderzoeken"."started_at" is null;