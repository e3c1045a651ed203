-- Issue #20: chain messages in bulk (POST /api/ketenberichten): each message a partner sent, by its own id, with
-- what became of it, so a replay creates nothing new. Per region like the meldingen it creates (issue #19).
CREATE TYPE "public"."ketenbericht_status" AS ENUM('aangemaakt', 'afgewezen');--> statement-breakpoint
CREATE TABLE "ketenberichten" (
	"client_id" uuid NOT NULL,
	"bericht_id" text NOT NULL,
	"status" "ketenbericht_status" NOT NULL,
	"melding_id" uuid,
	"reference" text,
	"request_hash" text NOT NULL,
	"details" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"regio" text DEFAULT vt_regio(),
	CONSTRAINT "ketenberichten_client_id_bericht_id_pk" PRIMARY KEY("client_id","bericht_id")
);
--> statement-breakpoint
ALTER TABLE "ketenberichten" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ketenberichten" ADD CONSTRAINT "ketenberichten_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ketenberichten" ADD CONSTRAINT "ketenberichten_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ketenberichten_melding_idx" ON "ketenberichten" USING btree ("melding_id");--> statement-breakpoint
CREATE POLICY "ketenberichten_open" ON "ketenberichten" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "ketenberichten_regio" ON "ketenberichten" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((ketenberichten.regio = vt_regio())) WITH CHECK ((ketenberichten.regio = vt_regio()));