-- Issue #20: partner clients managed: keys of their own (rotation with an overlap, last used, revocation), the
-- kanalen a partner may name, who made and revoked it. Expand only: api_clients.key_hash stays the current key for
-- the release before, and a trigger gives every client inserted the old way (the demo seed, tests) its key row.
CREATE TABLE "api_client_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_client_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "kanalen" "melding_kanaal"[];--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "last_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_client_keys" ADD CONSTRAINT "api_client_keys_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_client_keys_client_idx" ON "api_client_keys" USING btree ("client_id","created_at");--> statement-breakpoint
INSERT INTO "api_client_keys" ("client_id", "key_hash", "created_at", "revoked_at")
SELECT "id", "key_hash", "created_at", "revoked_at" FROM "api_clients" ON CONFLICT ("key_hash") DO NOTHING;--> statement-breakpoint
CREATE FUNCTION public.api_client_key_row() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  INSERT INTO api_client_keys (client_id, key_hash, created_at) VALUES (NEW.id, NEW.key_hash, NEW.created_at) ON CONFLICT (key_hash) DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER api_clients_key_row AFTER INSERT OR UPDATE OF key_hash ON public.api_clients FOR EACH ROW EXECUTE FUNCTION public.api_client_key_row();
