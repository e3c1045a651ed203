-- The wijkteam's row-level security (0005) covers the feedback tasks of a case it may see.
GRANT SELECT ON terugkoppelingen TO vt_wijkteam;
--> statement-breakpoint
ALTER TABLE terugkoppelingen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY terugkoppelingen_app ON terugkoppelingen USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY terugkoppelingen_wijkteam ON terugkoppelingen FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = terugkoppelingen.melding_id));
