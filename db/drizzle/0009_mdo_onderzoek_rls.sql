-- The wijkteam's row-level security (0005) extends to the onderzoek of a case it may see; MDO records stay out of
-- its reach altogether (no grant).
GRANT SELECT ON onderzoeken TO vt_wijkteam;
--> statement-breakpoint
ALTER TABLE onderzoeken ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY onderzoeken_app ON onderzoeken USING (current_user <> 'vt_wijkteam') WITH CHECK (current_user <> 'vt_wijkteam');
--> statement-breakpoint
CREATE POLICY onderzoeken_wijkteam ON onderzoeken FOR SELECT TO vt_wijkteam
  USING (EXISTS (SELECT 1 FROM meldingen m WHERE m.id = onderzoeken.melding_id));
