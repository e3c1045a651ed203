-- Issue #18: each delivery of the half-year figures to CBS, kept with its stand, mapping version and checksum.
CREATE TABLE "cbs_aanleveringen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jaar" integer NOT NULL,
	"half" integer NOT NULL,
	"peilmoment" timestamp with time zone NOT NULL,
	"versie" text NOT NULL,
	"checksum" text NOT NULL,
	"rijen" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cbs_aanleveringen" ADD CONSTRAINT "cbs_aanleveringen_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cbs_aanleveringen_periode_idx" ON "cbs_aanleveringen" USING btree ("jaar","half","created_at");