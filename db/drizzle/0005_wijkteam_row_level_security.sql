-- Row-level security as a second line behind the application's own checks (issue #4): a wijkteam's reads run as
-- the role vt_wijkteam (SET LOCAL ROLE in its transaction, with vt.gemeente set to its gemeente), and Postgres
-- itself then shows only cases handed over to that gemeente, whatever the query. Every other session is not
-- affected (the second policy on each table), whether the application's role owns the tables or not.
-- A wijkteam read path that needs a table not granted below fails loudly (permission denied), never silently.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vt_wijkteam') THEN
    CREATE ROLE vt_wijkteam NOLOGIN NOINHERIT NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
GRANT vt_wijkteam TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO vt_wijkteam;
--> statement-breakpoint
GRANT SELECT ON gemeenten, teams, meldingen, betrokkenen, overdrachten, monitoring_checkpoints, huisverboden,
  melding_events, beoordelingen, triage_voorstellen, extra_niet_werkdagen TO vt_wijkteam;
--> statement-breakpoint
GRANT INSERT ON audit_log TO vt_wijkteam;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_log_id_seq TO vt_wijkteam;
--> statement-breakpoint
CREATE FUNCTION vt_wijkteam_gemeente() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('vt.gemeente', true), '')
$$;
--> statement-breakpoint
ALTER TABLE overdrachten ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY overdrachten_app ON overdrachten USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY overdrachten_wijkteam ON overdrachten FOR SELECT TO vt_wijkteam USING (gemeente_code = vt_wijkteam_gemeente());
--> statement-breakpoint
ALTER TABLE meldingen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meldingen_app ON meldingen USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY meldingen_wijkteam ON meldingen FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM overdrachten o WHERE o.melding_id = meldingen.id AND o.gemeente_code = vt_wijkteam_gemeente()));
--> statement-breakpoint
ALTER TABLE betrokkenen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY betrokkenen_app ON betrokkenen USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY betrokkenen_wijkteam ON betrokkenen FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = betrokkenen.melding_id));
--> statement-breakpoint
ALTER TABLE melding_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY melding_events_app ON melding_events USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY melding_events_wijkteam ON melding_events FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = melding_events.melding_id));
--> statement-breakpoint
ALTER TABLE monitoring_checkpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY monitoring_checkpoints_app ON monitoring_checkpoints USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY monitoring_checkpoints_wijkteam ON monitoring_checkpoints FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = monitoring_checkpoints.melding_id));
--> statement-breakpoint
ALTER TABLE huisverboden ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY huisverboden_app ON huisverboden USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY huisverboden_wijkteam ON huisverboden FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = huisverboden.melding_id));
--> statement-breakpoint
ALTER TABLE beoordelingen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY beoordelingen_app ON beoordelingen USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY beoordelingen_wijkteam ON beoordelingen FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = beoordelingen.melding_id));
--> statement-breakpoint
ALTER TABLE triage_voorstellen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY triage_voorstellen_app ON triage_voorstellen USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY triage_voorstellen_wijkteam ON triage_voorstellen FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = triage_voorstellen.melding_id));
