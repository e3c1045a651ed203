CREATE TABLE "concepten" (
	"user_id" uuid NOT NULL,
	"sleutel" text NOT NULL,
	"inhoud" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "concepten_user_id_sleutel_pk" PRIMARY KEY("user_id","sleutel")
);
--> statement-breakpoint
ALTER TABLE "concepten" ADD CONSTRAINT "concepten_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concepten_expires_idx" ON "concepten" USING btree ("expires_at");