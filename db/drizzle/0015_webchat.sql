-- Issue #21: the web chat's figures — when each chat was offered, answered and ended, how, by whom, and the advies
-- filed from it (no conversation text, no visitor address: those live in Redis, briefly); and the console's standard texts. Expand only.
CREATE TYPE "public"."chat_uitkomst" AS ENUM('beantwoord', 'afgebroken', 'geblokkeerd');--> statement-breakpoint
CREATE TABLE "chat_sessies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"aangeboden_at" timestamp with time zone NOT NULL,
	"geaccepteerd_at" timestamp with time zone,
	"beeindigd_at" timestamp with time zone,
	"uitkomst" "chat_uitkomst",
	"eerste_adviseur_id" uuid,
	"adviseur_id" uuid,
	"overdrachten" smallint DEFAULT 0 NOT NULL,
	"advies_id" uuid
);
--> statement-breakpoint
CREATE TABLE "chat_standaardteksten" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"titel" text NOT NULL,
	"tekst" text NOT NULL,
	"volgorde" integer DEFAULT 0 NOT NULL,
	"actief" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "chat_sessies" ADD CONSTRAINT "chat_sessies_eerste_adviseur_id_users_id_fk" FOREIGN KEY ("eerste_adviseur_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessies" ADD CONSTRAINT "chat_sessies_adviseur_id_users_id_fk" FOREIGN KEY ("adviseur_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessies" ADD CONSTRAINT "chat_sessies_advies_id_adviezen_id_fk" FOREIGN KEY ("advies_id") REFERENCES "public"."adviezen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_standaardteksten" ADD CONSTRAINT "chat_standaardteksten_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_sessies_aangeboden_idx" ON "chat_sessies" USING btree ("aangeboden_at");--> statement-breakpoint
CREATE INDEX "chat_sessies_open_idx" ON "chat_sessies" USING btree ("adviseur_id") WHERE "chat_sessies"."beeindigd_at" is null;