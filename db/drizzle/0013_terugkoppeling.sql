CREATE TYPE "public"."terugkoppel_moment" AS ENUM('na_beoordeling', 'na_onderzoek');--> statement-breakpoint
CREATE TABLE "terugkoppelingen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"moment" "terugkoppel_moment" NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"notitie" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "terugkoppelingen" ADD CONSTRAINT "terugkoppelingen_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terugkoppelingen" ADD CONSTRAINT "terugkoppelingen_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "terugkoppelingen_uq" ON "terugkoppelingen" USING btree ("melding_id","moment");--> statement-breakpoint
CREATE INDEX "terugkoppelingen_open_idx" ON "terugkoppelingen" USING btree ("due_date") WHERE "terugkoppelingen"."done_at" is null;