CREATE TYPE "public"."monitoring_status" AS ENUM('gepland', 'veilig', 'niet_veilig');--> statement-breakpoint
CREATE TYPE "public"."overdracht_status" AS ENUM('verzonden', 'geaccepteerd', 'teruggestuurd');--> statement-breakpoint
CREATE TABLE "huisverboden" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"opgelegd_op" date NOT NULL,
	"eindigt_op" date NOT NULL,
	"verlengd_tot_en_met" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"overdracht_id" uuid,
	"due_date" date NOT NULL,
	"status" "monitoring_status" DEFAULT 'gepland' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "overdrachten" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"gemeente_code" varchar(6) NOT NULL,
	"status" "overdracht_status" DEFAULT 'verzonden' NOT NULL,
	"toelichting" text DEFAULT '' NOT NULL,
	"veiligheidsvoorwaarden" text,
	"reden" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "huisverboden" ADD CONSTRAINT "huisverboden_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_checkpoints" ADD CONSTRAINT "monitoring_checkpoints_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_checkpoints" ADD CONSTRAINT "monitoring_checkpoints_overdracht_id_overdrachten_id_fk" FOREIGN KEY ("overdracht_id") REFERENCES "public"."overdrachten"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_checkpoints" ADD CONSTRAINT "monitoring_checkpoints_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdrachten" ADD CONSTRAINT "overdrachten_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdrachten" ADD CONSTRAINT "overdrachten_gemeente_code_gemeenten_code_fk" FOREIGN KEY ("gemeente_code") REFERENCES "public"."gemeenten"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdrachten" ADD CONSTRAINT "overdrachten_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdrachten" ADD CONSTRAINT "overdrachten_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "huisverboden_melding_idx" ON "huisverboden" USING btree ("melding_id");--> statement-breakpoint
CREATE INDEX "monitoring_due_idx" ON "monitoring_checkpoints" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "monitoring_melding_idx" ON "monitoring_checkpoints" USING btree ("melding_id");--> statement-breakpoint
CREATE INDEX "overdrachten_gemeente_idx" ON "overdrachten" USING btree ("gemeente_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "overdrachten_one_pending_uq" ON "overdrachten" USING btree ("melding_id") WHERE "overdrachten"."status" = 'verzonden';