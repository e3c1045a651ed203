-- Issue #16: the acute response recorded on a case (what the crisis team did, when and by whom) with the dashboard
-- metric of acute responses given late; a crisis case handed on (doorgezet); the onderzoek's conclusions in words.
CREATE TYPE "public"."acute_actie" AS ENUM('huisbezoek', 'telefonisch_contact', 'veiligheidsplan', 'politie', 'opvang', 'anders');--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'acute_inzet';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'doorgezet';--> statement-breakpoint
ALTER TYPE "public"."dashboard_metric" ADD VALUE 'acute_inzet_te_laat';--> statement-breakpoint
CREATE TABLE "acute_inzetten" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"gegeven_op" timestamp with time zone NOT NULL,
	"acties" "acute_actie"[] NOT NULL,
	"uitvoerders" uuid[] NOT NULL,
	"toelichting" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "acute_inzetten" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "onderzoeken" ADD COLUMN "conclusie" text;--> statement-breakpoint
ALTER TABLE "acute_inzetten" ADD CONSTRAINT "acute_inzetten_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acute_inzetten" ADD CONSTRAINT "acute_inzetten_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acute_inzetten_melding_idx" ON "acute_inzetten" USING btree ("melding_id","gegeven_op");--> statement-breakpoint
CREATE INDEX "meldingen_acuut_idx" ON "meldingen" USING btree ("received_at") WHERE "meldingen"."response_due_at" is not null;--> statement-breakpoint
CREATE POLICY "acute_inzetten_app" ON "acute_inzetten" AS PERMISSIVE FOR ALL TO public USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));--> statement-breakpoint
CREATE POLICY "acute_inzetten_wijkteam" ON "acute_inzetten" AS PERMISSIVE FOR SELECT TO "vt_wijkteam" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = acute_inzetten.melding_id)));--> statement-breakpoint
-- A wijkteam's read of a case it may open runs as vt_wijkteam (schema/row-security.ts): the acute responses follow the
-- case, and the names of the staff who gave them are the only column of users it reads.
GRANT SELECT ON TABLE public.acute_inzetten TO vt_wijkteam;--> statement-breakpoint
GRANT SELECT (id, naam) ON TABLE public.users TO vt_wijkteam;
