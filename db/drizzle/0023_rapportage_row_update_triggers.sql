-- The update triggers of 0021 joined the old and new transition tables on id; those carry no statistics, and a
-- bulk update (100,000 rows) got a nested loop over both: minutes. An update now marks its days from a row trigger
-- that fires only when a counted column changed (the WHEN clause is checked before any function is called).
--> statement-breakpoint
DROP TRIGGER rapportage_meldingen_update ON meldingen;
--> statement-breakpoint
CREATE FUNCTION rapportage_meldingen_rij() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM rapportage_markeer(ARRAY[(OLD.received_at at time zone 'Europe/Amsterdam')::date, (NEW.received_at at time zone 'Europe/Amsterdam')::date]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_meldingen_update AFTER UPDATE ON meldingen FOR EACH ROW WHEN ((OLD.received_at, OLD.melder_type, OLD.melder_rol, OLD.melder_sector, OLD.geweldsvormen, OLD.urgency) IS DISTINCT FROM (NEW.received_at, NEW.melder_type, NEW.melder_rol, NEW.melder_sector, NEW.geweldsvormen, NEW.urgency)) EXECUTE FUNCTION rapportage_meldingen_rij();
--> statement-breakpoint
DROP TRIGGER rapportage_adviezen_update ON adviezen;
--> statement-breakpoint
CREATE FUNCTION rapportage_adviezen_rij() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM rapportage_markeer(ARRAY[(OLD.started_at at time zone 'Europe/Amsterdam')::date, (NEW.started_at at time zone 'Europe/Amsterdam')::date]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_adviezen_update AFTER UPDATE ON adviezen FOR EACH ROW WHEN ((OLD.started_at, OLD.kanaal, OLD.vrager_type, OLD.sector) IS DISTINCT FROM (NEW.started_at, NEW.kanaal, NEW.vrager_type, NEW.sector)) EXECUTE FUNCTION rapportage_adviezen_rij();
--> statement-breakpoint
DROP TRIGGER rapportage_onderzoeken_update ON onderzoeken;
--> statement-breakpoint
CREATE FUNCTION rapportage_onderzoeken_rij() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM rapportage_markeer(ARRAY[(OLD.afgerond_at at time zone 'Europe/Amsterdam')::date, (NEW.afgerond_at at time zone 'Europe/Amsterdam')::date]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_onderzoeken_update AFTER UPDATE ON onderzoeken FOR EACH ROW WHEN ((OLD.afgerond_at, OLD.uitkomsten) IS DISTINCT FROM (NEW.afgerond_at, NEW.uitkomsten)) EXECUTE FUNCTION rapportage_onderzoeken_rij();
--> statement-breakpoint
DROP TRIGGER rapportage_huisverboden_update ON huisverboden;
--> statement-breakpoint
CREATE FUNCTION rapportage_huisverboden_rij() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM rapportage_markeer(ARRAY[OLD.opgelegd_op, NEW.opgelegd_op]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_huisverboden_update AFTER UPDATE ON huisverboden FOR EACH ROW WHEN ((OLD.opgelegd_op, OLD.verlengd_tot_en_met) IS DISTINCT FROM (NEW.opgelegd_op, NEW.verlengd_tot_en_met)) EXECUTE FUNCTION rapportage_huisverboden_rij();
--> statement-breakpoint
DROP TRIGGER rapportage_code_rood_update ON code_rood;
--> statement-breakpoint
CREATE FUNCTION rapportage_code_rood_rij() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM rapportage_markeer(ARRAY[OLD.datum, NEW.datum]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_code_rood_update AFTER UPDATE ON code_rood FOR EACH ROW WHEN (OLD.datum IS DISTINCT FROM NEW.datum) EXECUTE FUNCTION rapportage_code_rood_rij();
