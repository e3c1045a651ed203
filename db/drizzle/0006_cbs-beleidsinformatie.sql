-- Issue #18: the CBS delivery (Beleidsinformatie Veilig Thuis) in CBS's own dimensions. Intake records the
-- melder's organisation group, occupation and the duration of the violence (the advies also its gemeente); each
-- melding gets its earlier involvement and casus (85361NED, 84850NED), its veiligheidstaxatie and the outcome of its
-- veiligheidsbeoordeling (84852NED); a V&V records when it ended. The day counts gain the gemeente, so every report
-- can be asked per gemeente: they are counted anew.
TRUNCATE "rapportage_dagen", "rapportage_dag_stand";--> statement-breakpoint
CREATE TYPE "public"."beroep" AS ENUM('onderwijs', 'kinderopvang', 'huisarts', 'jeugdarts', 'medisch_specialist', 'verloskundige', 'verpleegkundige', 'medisch_overig', 'psycholoog', 'paramedisch', 'politieagent', 'officier_van_justitie', 'justitie_overig', 'anders');--> statement-breakpoint
CREATE TYPE "public"."duur_geweld" AS ENUM('tot_een_week', 'week_tot_maand', 'maand_tot_half_jaar', 'half_jaar_tot_jaar', 'jaar_tot_vijf_jaar', 'langer_dan_vijf_jaar');--> statement-breakpoint
CREATE TYPE "public"."eerdere_betrokkenheid" AS ENUM('eerste_melding', 'hermelding_meerdere', 'hermelding_een', 'vervolg_tijdens_beoordeling', 'vervolg_na_beoordeling', 'vervolg_tijdens_monitoring');--> statement-breakpoint
CREATE TYPE "public"."vb_uitkomst" AS ENUM('vervolg_onderzoek', 'vervolg_vv', 'overdracht_lokaal_team', 'overdracht_hulpverlening', 'overdracht_multidisciplinair', 'geen_vervolgstappen', 'regionaal_maatwerk');--> statement-breakpoint
ALTER TYPE "public"."sector" ADD VALUE 'bureau_leerplicht';--> statement-breakpoint
ALTER TYPE "public"."sector" ADD VALUE 'openbaar_ministerie';--> statement-breakpoint
ALTER TYPE "public"."sector" ADD VALUE 'reclassering';--> statement-breakpoint
ALTER TYPE "public"."sector" ADD VALUE 'justitie_overig';--> statement-breakpoint
ALTER TYPE "public"."sector" ADD VALUE 'veilig_thuis_andere_regio';--> statement-breakpoint
ALTER TYPE "public"."sector" ADD VALUE 'regionaal_maatwerk';--> statement-breakpoint
DROP INDEX "adviezen_started_idx";--> statement-breakpoint
ALTER TABLE "adviezen" ADD COLUMN "beroep" "beroep";--> statement-breakpoint
ALTER TABLE "adviezen" ADD COLUMN "duur_geweld" "duur_geweld";--> statement-breakpoint
ALTER TABLE "adviezen" ADD COLUMN "gemeente_code" varchar(6);--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "melder_beroep" "beroep";--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "melder_duur_geweld" "duur_geweld";--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "eerdere_betrokkenheid" "eerdere_betrokkenheid";--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "casus_id" uuid;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "vb_taxatie" "urgency";--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "vb_uitkomst" "vb_uitkomst";--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "vb_uitkomst_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "vv_afgerond_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rapportage_dagen" ADD COLUMN "gemeente" text NOT NULL;--> statement-breakpoint
ALTER TABLE "rapportage_dagen" DROP CONSTRAINT "rapportage_dagen_dag_categorie_code_pk";--> statement-breakpoint
ALTER TABLE "rapportage_dagen" ADD CONSTRAINT "rapportage_dagen_dag_gemeente_categorie_code_pk" PRIMARY KEY("dag","gemeente","categorie","code");--> statement-breakpoint
ALTER TABLE "adviezen" ADD CONSTRAINT "adviezen_gemeente_code_gemeenten_code_fk" FOREIGN KEY ("gemeente_code") REFERENCES "public"."gemeenten"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meldingen_cbs_idx" ON "meldingen" USING btree ("received_at","gemeente_code","vb_taxatie","vb_uitkomst","vb_uitkomst_at","first_beoordeling_at","urgency","casus_id","geweldsvormen");--> statement-breakpoint
CREATE INDEX "meldingen_vv_afgerond_idx" ON "meldingen" USING btree ("vv_afgerond_at") WHERE "meldingen"."vv_afgerond_at" is not null;--> statement-breakpoint
CREATE INDEX "adviezen_started_idx" ON "adviezen" USING btree ("started_at","gemeente_code","kanaal","vrager_type","sector","beroep","duur_geweld","geweldsvormen");--> statement-breakpoint
-- The day of a melding's V&V ending is a day of the report too.
CREATE OR REPLACE FUNCTION public.rapportage_meldingen_rij() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(ARRAY[(NEW.received_at at time zone 'Europe/Amsterdam')::date, (NEW.vv_afgerond_at at time zone 'Europe/Amsterdam')::date]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(ARRAY[(OLD.received_at at time zone 'Europe/Amsterdam')::date, (OLD.vv_afgerond_at at time zone 'Europe/Amsterdam')::date]);
  ELSE
    PERFORM rapportage_markeer(ARRAY[(OLD.received_at at time zone 'Europe/Amsterdam')::date, (NEW.received_at at time zone 'Europe/Amsterdam')::date,
                                     (OLD.vv_afgerond_at at time zone 'Europe/Amsterdam')::date, (NEW.vv_afgerond_at at time zone 'Europe/Amsterdam')::date]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every melding starts its own casus; the triage joins a vervolgmelding to the open casus of its household.
UPDATE "meldingen" SET "casus_id" = "id" WHERE "casus_id" IS NULL;--> statement-breakpoint
-- What is already known of the cases recorded before this release: the veiligheidstaxatie and the outcome of the
-- first beoordeling, and for a case that went to the MDO its first besluit. Earlier involvement is classified from
-- this release on (older meldingen count as niet ingedeeld). The routes are compared as text: a fresh database runs
-- every migration in one transaction, and 0005's new enum value may not be used in it.
UPDATE "meldingen" m SET
  "vb_taxatie" = CASE WHEN b.route::text = 'crisisteam' THEN 'acuut'::urgency ELSE 'niet_acuut'::urgency END,
  "vb_uitkomst" = CASE b.route::text WHEN 'wijkteam' THEN 'overdracht_lokaal_team'::vb_uitkomst
                               WHEN 'hulpverlening' THEN 'overdracht_hulpverlening'::vb_uitkomst
                               WHEN 'afsluiten' THEN 'geen_vervolgstappen'::vb_uitkomst END,
  "vb_uitkomst_at" = CASE WHEN b.route::text IN ('wijkteam', 'hulpverlening', 'afsluiten') THEN b.decided_at END
FROM (SELECT DISTINCT ON (melding_id) melding_id, route, decided_at FROM beoordelingen ORDER BY melding_id, decided_at) b
WHERE b.melding_id = m.id;--> statement-breakpoint
UPDATE "meldingen" m SET
  "vb_uitkomst" = CASE a.besluit WHEN 'onderzoek' THEN 'vervolg_onderzoek'::vb_uitkomst WHEN 'vv' THEN 'vervolg_vv'::vb_uitkomst
                                 WHEN 'overdracht' THEN 'overdracht_lokaal_team'::vb_uitkomst ELSE 'geen_vervolgstappen'::vb_uitkomst END,
  "vb_uitkomst_at" = a.besluit_at
FROM (SELECT DISTINCT ON (melding_id) melding_id, besluit, besluit_at FROM mdo_agendapunten WHERE besluit IS NOT NULL ORDER BY melding_id, besluit_at) a
WHERE a.melding_id = m.id AND m.vb_uitkomst IS NULL;--> statement-breakpoint
UPDATE "meldingen" m SET "vb_uitkomst" = 'vervolg_onderzoek', "vb_uitkomst_at" = o.besluit_at
FROM (SELECT DISTINCT ON (melding_id) melding_id, besluit_at FROM onderzoeken ORDER BY melding_id, besluit_at) o
WHERE o.melding_id = m.id AND m.vb_uitkomst IS NULL;--> statement-breakpoint
-- A past day is counted again when a column the delivery reads changes.
DROP TRIGGER rapportage_meldingen_update ON public.meldingen;--> statement-breakpoint
CREATE TRIGGER rapportage_meldingen_update AFTER UPDATE ON public.meldingen FOR EACH ROW WHEN (
  old.received_at IS DISTINCT FROM new.received_at OR old.melder_type IS DISTINCT FROM new.melder_type
  OR old.melder_rol IS DISTINCT FROM new.melder_rol OR old.melder_sector IS DISTINCT FROM new.melder_sector
  OR old.melder_beroep IS DISTINCT FROM new.melder_beroep OR old.melder_duur_geweld IS DISTINCT FROM new.melder_duur_geweld
  OR old.geweldsvormen IS DISTINCT FROM new.geweldsvormen OR old.urgency IS DISTINCT FROM new.urgency
  OR old.gemeente_code IS DISTINCT FROM new.gemeente_code OR old.eerdere_betrokkenheid IS DISTINCT FROM new.eerdere_betrokkenheid
  OR old.vv_afgerond_at IS DISTINCT FROM new.vv_afgerond_at) EXECUTE FUNCTION public.rapportage_meldingen_rij();--> statement-breakpoint
DROP TRIGGER rapportage_adviezen_update ON public.adviezen;--> statement-breakpoint
CREATE TRIGGER rapportage_adviezen_update AFTER UPDATE ON public.adviezen FOR EACH ROW WHEN (
  old.started_at IS DISTINCT FROM new.started_at OR old.kanaal IS DISTINCT FROM new.kanaal
  OR old.vrager_type IS DISTINCT FROM new.vrager_type OR old.sector IS DISTINCT FROM new.sector
  OR old.beroep IS DISTINCT FROM new.beroep OR old.duur_geweld IS DISTINCT FROM new.duur_geweld
  OR old.gemeente_code IS DISTINCT FROM new.gemeente_code OR old.geweldsvormen IS DISTINCT FROM new.geweldsvormen)
  EXECUTE FUNCTION public.rapportage_adviezen_rij();
