-- The wijkteam's row-level security (0005) covers Code Rood of a case it may see.
GRANT SELECT ON code_rood TO vt_wijkteam;
--> statement-breakpoint
ALTER TABLE code_rood ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY code_rood_app ON code_rood USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY code_rood_wijkteam ON code_rood FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = code_rood.melding_id));
