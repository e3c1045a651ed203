CREATE TYPE "public"."voorwaarde_status" AS ENUM('lopend', 'nagekomen', 'niet_nagekomen');--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'vv_voorwaarde_vastgelegd';--> statement-breakpoint
ALTER TYPE "public"."event_type" ADD VALUE 'vv_voorwaarde_beoordeeld';--> statement-breakpoint
CREATE TABLE "vv_voorwaarden" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"omschrijving" text NOT NULL,
	"toezichthouder" text NOT NULL,
	"controle_op" date NOT NULL,
	"status" "voorwaarde_status" DEFAULT 'lopend' NOT NULL,
	"toelichting" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"beoordeeld_by" uuid,
	"beoordeeld_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "meldingen_werkvoorraad_idx";--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "clock_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "vv_voorwaarden" ADD CONSTRAINT "vv_voorwaarden_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_voorwaarden" ADD CONSTRAINT "vv_voorwaarden_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_voorwaarden" ADD CONSTRAINT "vv_voorwaarden_beoordeeld_by_users_id_fk" FOREIGN KEY ("beoordeeld_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vv_voorwaarden_melding_idx" ON "vv_voorwaarden" USING btree ("melding_id");--> statement-breakpoint
CREATE INDEX "vv_voorwaarden_controle_idx" ON "vv_voorwaarden" USING btree ("status","controle_op");--> statement-breakpoint
CREATE INDEX "meldingen_werkvoorraad_idx" ON "meldingen" USING btree ("team_id","band",coalesce(clock_due_at, response_due_at, beoordeling_due_at),"received_at") WHERE "meldingen"."status" <> 'afgesloten';--> statement-breakpoint
-- The wijkteam's row-level security (0005) covers the V&V conditions of a case it may see.
GRANT SELECT ON vv_voorwaarden TO vt_wijkteam;
--> statement-breakpoint
ALTER TABLE vv_voorwaarden ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY vv_voorwaarden_app ON vv_voorwaarden USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY vv_voorwaarden_wijkteam ON vv_voorwaarden FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = vv_voorwaarden.melding_id));
--> statement-breakpoint
-- The clock a case runs against after its beoordeling, by status: a waiting onderzoek from the decision on (the
-- wachtlijst has no term of its own: every day on it is a day late), a running one until the end of its due date;
-- V&V and monitoring until the end of the next planned checkpoint or condition review. Null otherwise: then the
-- beoordeling's own deadlines run. Kept in meldingen.clock_due_at by every status change (repositories/lifecycle.ts).
CREATE FUNCTION melding_clock(p_id uuid, p_status melding_status) RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN p_status = 'onderzoek' THEN (
      SELECT CASE WHEN o.started_at IS NULL THEN o.besluit_at
                  ELSE ((o.due_date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond' END
        FROM onderzoeken o WHERE o.melding_id = p_id AND o.afgerond_at IS NULL ORDER BY o.besluit_at DESC LIMIT 1)
    WHEN p_status IN ('vv', 'monitoring') THEN (
      SELECT ((min(x.d) + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond'
        FROM (SELECT c.due_date AS d FROM monitoring_checkpoints c WHERE c.melding_id = p_id AND c.status = 'gepland'
              UNION ALL
              SELECT v.controle_op FROM vv_voorwaarden v WHERE v.melding_id = p_id AND v.status = 'lopend') x)
  END
$$;
--> statement-breakpoint
UPDATE meldingen SET clock_due_at = melding_clock(id, status) WHERE status IN ('onderzoek', 'vv', 'monitoring');
