-- Issue #19: several Veilig Thuis regions on one deployment (db/docs/multi-region.md). Expand only: nullable `regio`
-- columns filled from the transaction's vt.regio, and restrictive policies that hold the application role vt_app to
-- its region (db/src/schema/row-security.ts). Roles other than vt_app and vt_wijkteam are not affected, so a
-- deployment of one region runs as before.
--
-- The application's role, made once per cluster. A deployment of several regions connects with a login role that is
-- a member of vt_app (never a superuser or BYPASSRLS), or as the owner with `role=vt_app` in its connection
-- (db/src/regions.ts); the wijkteam's reads switch on to vt_wijkteam from there.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vt_app') THEN
    CREATE ROLE vt_app NOLOGIN NOINHERIT NOBYPASSRLS;
  ELSE
    ALTER ROLE vt_app NOLOGIN NOINHERIT NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
GRANT vt_app TO CURRENT_USER;--> statement-breakpoint
-- NOINHERIT: vt_app may switch to vt_wijkteam (SET LOCAL ROLE) but is not held by the wijkteam's policies itself.
GRANT vt_wijkteam TO vt_app;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO vt_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO vt_app;--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO vt_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO vt_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO vt_app;--> statement-breakpoint
-- The transaction's region: vt.regio, null when it is not set (or was set only in an earlier transaction).
CREATE FUNCTION public.vt_regio() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('vt.regio', true), '') $$;
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "vernietigingsverzoeken" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "adviezen" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mdo_agendapunten" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mdo_overleggen" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "regio" text DEFAULT vt_regio();--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "regio" text DEFAULT vt_regio();--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "regio" text DEFAULT vt_regio();--> statement-breakpoint
ALTER TABLE "adviezen" ADD COLUMN "regio" text DEFAULT vt_regio();--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "regio" text DEFAULT vt_regio();--> statement-breakpoint
ALTER TABLE "mdo_overleggen" ADD COLUMN "regio" text DEFAULT vt_regio();--> statement-breakpoint
-- Whether a melding may get a new part (betrokkene, event, beoordeling …) in the transaction's region: yes when it is
-- the region's, and when it is not visible yet (inserted in the same statement as its parts; its own policy checks
-- it). Security definer, so it sees past the melding's policy to tell another region's melding from a new one.
CREATE FUNCTION public.vt_melding_in_regio(melding uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT coalesce((SELECT m.regio = vt_regio() FROM meldingen m WHERE m.id = melding), NOT EXISTS (SELECT 1 FROM meldingen m WHERE m.id = melding)) $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.vt_melding_in_regio(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.vt_melding_in_regio(uuid) TO vt_app;--> statement-breakpoint
CREATE POLICY "audit_log_open" ON "audit_log" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "audit_log_regio_lezen" ON "audit_log" AS RESTRICTIVE FOR SELECT TO "vt_app" USING ((audit_log.regio = vt_regio()));--> statement-breakpoint
CREATE POLICY "audit_log_regio_schrijven" ON "audit_log" AS RESTRICTIVE FOR INSERT TO "vt_app" WITH CHECK ((audit_log.regio IS NOT DISTINCT FROM vt_regio()));--> statement-breakpoint
CREATE POLICY "break_glass_grants_open" ON "break_glass_grants" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "break_glass_grants_regio" ON "break_glass_grants" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = break_glass_grants.melding_id))) WITH CHECK ((vt_melding_in_regio(break_glass_grants.melding_id)));--> statement-breakpoint
CREATE POLICY "users_open" ON "users" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "users_regio" ON "users" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((vt_regio() IS NULL OR users.regio = vt_regio())) WITH CHECK ((vt_regio() IS NULL OR users.regio = vt_regio()));--> statement-breakpoint
CREATE POLICY "vernietigingsverzoeken_open" ON "vernietigingsverzoeken" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "vernietigingsverzoeken_regio" ON "vernietigingsverzoeken" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = vernietigingsverzoeken.melding_id))) WITH CHECK ((vt_melding_in_regio(vernietigingsverzoeken.melding_id)));--> statement-breakpoint
CREATE POLICY "adviezen_open" ON "adviezen" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "adviezen_regio" ON "adviezen" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((adviezen.regio = vt_regio())) WITH CHECK ((adviezen.regio = vt_regio()));--> statement-breakpoint
CREATE POLICY "beoordelingen_regio" ON "beoordelingen" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = beoordelingen.melding_id))) WITH CHECK ((vt_melding_in_regio(beoordelingen.melding_id)));--> statement-breakpoint
CREATE POLICY "betrokkenen_regio" ON "betrokkenen" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = betrokkenen.melding_id))) WITH CHECK ((vt_melding_in_regio(betrokkenen.melding_id)));--> statement-breakpoint
CREATE POLICY "melding_events_regio" ON "melding_events" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = melding_events.melding_id))) WITH CHECK ((vt_melding_in_regio(melding_events.melding_id)));--> statement-breakpoint
CREATE POLICY "meldingen_regio" ON "meldingen" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((meldingen.regio = vt_regio())) WITH CHECK ((meldingen.regio = vt_regio()));--> statement-breakpoint
CREATE POLICY "meldingen_regio_wijkteam" ON "meldingen" AS RESTRICTIVE FOR SELECT TO "vt_wijkteam" USING ((meldingen.regio IS NOT DISTINCT FROM vt_regio()));--> statement-breakpoint
CREATE POLICY "triage_voorstellen_regio" ON "triage_voorstellen" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = triage_voorstellen.melding_id))) WITH CHECK ((vt_melding_in_regio(triage_voorstellen.melding_id)));--> statement-breakpoint
CREATE POLICY "acute_inzetten_regio" ON "acute_inzetten" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = acute_inzetten.melding_id))) WITH CHECK ((vt_melding_in_regio(acute_inzetten.melding_id)));--> statement-breakpoint
CREATE POLICY "code_rood_regio" ON "code_rood" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = code_rood.melding_id))) WITH CHECK ((vt_melding_in_regio(code_rood.melding_id)));--> statement-breakpoint
CREATE POLICY "huisverboden_regio" ON "huisverboden" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = huisverboden.melding_id))) WITH CHECK ((vt_melding_in_regio(huisverboden.melding_id)));--> statement-breakpoint
CREATE POLICY "mdo_agendapunten_open" ON "mdo_agendapunten" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "mdo_agendapunten_regio" ON "mdo_agendapunten" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = mdo_agendapunten.melding_id))) WITH CHECK ((vt_melding_in_regio(mdo_agendapunten.melding_id)));--> statement-breakpoint
CREATE POLICY "mdo_overleggen_open" ON "mdo_overleggen" AS PERMISSIVE FOR ALL TO public USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "mdo_overleggen_regio" ON "mdo_overleggen" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((mdo_overleggen.regio = vt_regio())) WITH CHECK ((mdo_overleggen.regio = vt_regio()));--> statement-breakpoint
CREATE POLICY "monitoring_checkpoints_regio" ON "monitoring_checkpoints" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = monitoring_checkpoints.melding_id))) WITH CHECK ((vt_melding_in_regio(monitoring_checkpoints.melding_id)));--> statement-breakpoint
CREATE POLICY "onderzoeken_regio" ON "onderzoeken" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = onderzoeken.melding_id))) WITH CHECK ((vt_melding_in_regio(onderzoeken.melding_id)));--> statement-breakpoint
CREATE POLICY "overdrachten_regio" ON "overdrachten" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = overdrachten.melding_id))) WITH CHECK ((vt_melding_in_regio(overdrachten.melding_id)));--> statement-breakpoint
CREATE POLICY "terugkoppelingen_regio" ON "terugkoppelingen" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = terugkoppelingen.melding_id))) WITH CHECK ((vt_melding_in_regio(terugkoppelingen.melding_id)));--> statement-breakpoint
CREATE POLICY "vv_voorwaarden_regio" ON "vv_voorwaarden" AS RESTRICTIVE FOR ALL TO "vt_app" USING ((EXISTS (SELECT 1 FROM meldingen m WHERE m.id = vv_voorwaarden.melding_id))) WITH CHECK ((vt_melding_in_regio(vv_voorwaarden.melding_id)));