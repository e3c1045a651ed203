CREATE TABLE "break_glass_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"melding_id" uuid NOT NULL,
	"reden" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_user_melding_idx" ON "break_glass_grants" USING btree ("user_id","melding_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_created_idx" ON "break_glass_grants" USING btree ("created_at");