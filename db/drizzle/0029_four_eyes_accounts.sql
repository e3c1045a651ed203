CREATE TYPE "public"."rol_aanvraag_status" AS ENUM('aangevraagd', 'goedgekeurd', 'afgewezen');--> statement-breakpoint
CREATE TABLE "account_activaties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_activaties_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rol_aanvragen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"roles" "role"[] NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "rol_aanvraag_status" DEFAULT 'aangevraagd' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reden" text
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "account_activaties" ADD CONSTRAINT "account_activaties_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_activaties" ADD CONSTRAINT "account_activaties_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rol_aanvragen" ADD CONSTRAINT "rol_aanvragen_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rol_aanvragen" ADD CONSTRAINT "rol_aanvragen_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rol_aanvragen" ADD CONSTRAINT "rol_aanvragen_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_activaties_user_idx" ON "account_activaties" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rol_aanvragen_status_idx" ON "rol_aanvragen" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rol_aanvragen_open_uq" ON "rol_aanvragen" USING btree ("user_id") WHERE "rol_aanvragen"."status" = 'aangevraagd';