CREATE TABLE "rapportage_dag_stand" (
	"dag" date PRIMARY KEY NOT NULL,
	"versie" bigint NOT NULL,
	"berekend_op" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rapportage_dagen" (
	"dag" date NOT NULL,
	"categorie" text NOT NULL,
	"code" text NOT NULL,
	"aantal" integer NOT NULL,
	CONSTRAINT "rapportage_dagen_dag_categorie_code_pk" PRIMARY KEY("dag","categorie","code")
);
--> statement-breakpoint
CREATE TABLE "rapportage_wijzigingen" (
	"dag" date PRIMARY KEY NOT NULL,
	"versie" bigint DEFAULT 1 NOT NULL
);

--> statement-breakpoint
-- A change to a day before today raises that day's version, in the transaction of the change: the report reads
-- recompute exactly the days whose version moved (repositories/rapportage.ts). Today is always counted live, so
-- intake (always today) never touches these rows. Security definer: whoever writes case data marks the day.
CREATE FUNCTION rapportage_markeer(dagen date[]) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO rapportage_wijzigingen AS w (dag, versie)
  SELECT DISTINCT d, 1 FROM unnest(dagen) d WHERE d IS NOT NULL AND d < (now() AT TIME ZONE 'Europe/Amsterdam')::date
  ON CONFLICT (dag) DO UPDATE SET versie = w.versie + 1
$$;
--> statement-breakpoint
CREATE FUNCTION rapportage_meldingen() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(array(SELECT (received_at at time zone 'Europe/Amsterdam')::date FROM nieuw));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(array(SELECT (received_at at time zone 'Europe/Amsterdam')::date FROM oud));
  ELSE
    PERFORM rapportage_markeer(array(
      SELECT x.d FROM oud o JOIN nieuw n USING (id), LATERAL (VALUES ((o.received_at at time zone 'Europe/Amsterdam')::date), ((n.received_at at time zone 'Europe/Amsterdam')::date)) x(d)
       WHERE (o.received_at, o.melder_type, o.melder_rol, o.melder_sector, o.geweldsvormen, o.urgency) IS DISTINCT FROM (n.received_at, n.melder_type, n.melder_rol, n.melder_sector, n.geweldsvormen, n.urgency)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_meldingen_insert AFTER INSERT ON meldingen REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_meldingen();
--> statement-breakpoint
CREATE TRIGGER rapportage_meldingen_update AFTER UPDATE ON meldingen REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_meldingen();
--> statement-breakpoint
CREATE TRIGGER rapportage_meldingen_delete AFTER DELETE ON meldingen REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION rapportage_meldingen();
--> statement-breakpoint
CREATE FUNCTION rapportage_adviezen() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(array(SELECT (started_at at time zone 'Europe/Amsterdam')::date FROM nieuw));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(array(SELECT (started_at at time zone 'Europe/Amsterdam')::date FROM oud));
  ELSE
    PERFORM rapportage_markeer(array(
      SELECT x.d FROM oud o JOIN nieuw n USING (id), LATERAL (VALUES ((o.started_at at time zone 'Europe/Amsterdam')::date), ((n.started_at at time zone 'Europe/Amsterdam')::date)) x(d)
       WHERE (o.started_at, o.kanaal, o.vrager_type, o.sector) IS DISTINCT FROM (n.started_at, n.kanaal, n.vrager_type, n.sector)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_adviezen_insert AFTER INSERT ON adviezen REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_adviezen();
--> statement-breakpoint
CREATE TRIGGER rapportage_adviezen_update AFTER UPDATE ON adviezen REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_adviezen();
--> statement-breakpoint
CREATE TRIGGER rapportage_adviezen_delete AFTER DELETE ON adviezen REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION rapportage_adviezen();
--> statement-breakpoint
CREATE FUNCTION rapportage_onderzoeken() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(array(SELECT (afgerond_at at time zone 'Europe/Amsterdam')::date FROM nieuw));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(array(SELECT (afgerond_at at time zone 'Europe/Amsterdam')::date FROM oud));
  ELSE
    PERFORM rapportage_markeer(array(
      SELECT x.d FROM oud o JOIN nieuw n USING (id), LATERAL (VALUES ((o.afgerond_at at time zone 'Europe/Amsterdam')::date), ((n.afgerond_at at time zone 'Europe/Amsterdam')::date)) x(d)
       WHERE (o.afgerond_at, o.uitkomsten) IS DISTINCT FROM (n.afgerond_at, n.uitkomsten)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_onderzoeken_insert AFTER INSERT ON onderzoeken REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_onderzoeken();
--> statement-breakpoint
CREATE TRIGGER rapportage_onderzoeken_update AFTER UPDATE ON onderzoeken REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_onderzoeken();
--> statement-breakpoint
CREATE TRIGGER rapportage_onderzoeken_delete AFTER DELETE ON onderzoeken REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION rapportage_onderzoeken();
--> statement-breakpoint
CREATE FUNCTION rapportage_huisverboden() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(array(SELECT opgelegd_op FROM nieuw));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(array(SELECT opgelegd_op FROM oud));
  ELSE
    PERFORM rapportage_markeer(array(
      SELECT x.d FROM oud o JOIN nieuw n USING (id), LATERAL (VALUES (o.opgelegd_op), (n.opgelegd_op)) x(d)
       WHERE (o.opgelegd_op, o.verlengd_tot_en_met) IS DISTINCT FROM (n.opgelegd_op, n.verlengd_tot_en_met)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_huisverboden_insert AFTER INSERT ON huisverboden REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_huisverboden();
--> statement-breakpoint
CREATE TRIGGER rapportage_huisverboden_update AFTER UPDATE ON huisverboden REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_huisverboden();
--> statement-breakpoint
CREATE TRIGGER rapportage_huisverboden_delete AFTER DELETE ON huisverboden REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION rapportage_huisverboden();
--> statement-breakpoint
CREATE FUNCTION rapportage_code_rood() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(array(SELECT datum FROM nieuw));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(array(SELECT datum FROM oud));
  ELSE
    PERFORM rapportage_markeer(array(
      SELECT x.d FROM oud o JOIN nieuw n USING (id), LATERAL (VALUES (o.datum), (n.datum)) x(d)
       WHERE o.datum IS DISTINCT FROM n.datum));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rapportage_code_rood_insert AFTER INSERT ON code_rood REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_code_rood();
--> statement-breakpoint
CREATE TRIGGER rapportage_code_rood_update AFTER UPDATE ON code_rood REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION rapportage_code_rood();
--> statement-breakpoint
CREATE TRIGGER rapportage_code_rood_delete AFTER DELETE ON code_rood REFERENCING OLD TABLE AS oud FOR EACH STATEMENT EXECUTE FUNCTION rapportage_code_rood();
