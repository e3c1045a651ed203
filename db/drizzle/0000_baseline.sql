-- The schema in one baseline (issue #15): migrations 0000-0030 squashed before anything was deployed, so the
-- current tables, functions, triggers, row-level-security policies and grants read in one place, in pg_dump's order
-- (types, functions, tables, defaults, constraints, indexes, triggers, foreign keys, policies, grants). The history
-- of each step, with the reasons, is in git (db/drizzle before this file; `git log -- db/drizzle`). A database
-- migrated up to 0029 or 0030 has all of this already, and the migrator skips this file for it (its journal date is
-- 0029's). Generated from `pg_dump --schema-only --no-owner` of a database migrated from 0000 to 0030; a database
-- migrated with this file dumps the same, but for two trigger conditions whose nested ORs Postgres now prints flat.
--
-- The wijkteam's role for row-level security (db/src/schema/row-security.ts), made once per cluster: the
-- application's role becomes a member so a wijkteam's transaction can SET LOCAL ROLE to it.
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
-- type advies_kanaal
CREATE TYPE public.advies_kanaal AS ENUM (
    'telefoon',
    'chat',
    'mail'
);
--> statement-breakpoint
-- type advies_uitkomst
CREATE TYPE public.advies_uitkomst AS ENUM (
    'afgesloten',
    'doorverwezen',
    'omgezet_in_melding'
);
--> statement-breakpoint
-- type audit_action
CREATE TYPE public.audit_action AS ENUM (
    'read',
    'search',
    'create',
    'update',
    'decide',
    'export',
    'login',
    'break_glass'
);
--> statement-breakpoint
-- type audit_result
CREATE TYPE public.audit_result AS ENUM (
    'success',
    'denied',
    'not_found',
    'error'
);
--> statement-breakpoint
-- type band
CREATE TYPE public.band AS ENUM (
    'P1',
    'P2',
    'P3',
    'P4'
);
--> statement-breakpoint
-- type betrokkene_rol
CREATE TYPE public.betrokkene_rol AS ENUM (
    'slachtoffer',
    'vermoedelijke_pleger',
    'kind',
    'overig'
);
--> statement-breakpoint
-- type dashboard_metric
CREATE TYPE public.dashboard_metric AS ENUM (
    'beoordeling_overdue',
    'wachtlijst_onderzoek',
    'onderzoek_overdue',
    'overdracht_pending',
    'monitoring_due',
    'beoordeling_on_time_pct',
    'onderzoek_on_time_pct'
);
--> statement-breakpoint
-- type event_type
CREATE TYPE public.event_type AS ENUM (
    'ontvangen',
    'triage_voorgesteld',
    'aanvulling',
    'beoordeeld',
    'toegewezen',
    'mdo_geagendeerd',
    'mdo_besluit',
    'onderzoek_gestart',
    'onderzoek_afgerond',
    'vv_gestart',
    'overdracht_verzonden',
    'overdracht_geaccepteerd',
    'overdracht_teruggestuurd',
    'monitoring_gepland',
    'monitoring_vastgelegd',
    'thv_opgelegd',
    'thv_verlengd',
    'code_rood',
    'afgesloten',
    'heropend',
    'terugkoppeling_gegeven',
    'vv_voorwaarde_vastgelegd',
    'vv_voorwaarde_beoordeeld'
);
--> statement-breakpoint
-- type geweldsvorm
CREATE TYPE public.geweldsvorm AS ENUM (
    'partnergeweld',
    'ex_partnergeweld',
    'kindermishandeling_lichamelijk',
    'kindermishandeling_psychisch',
    'kindermishandeling_seksueel',
    'verwaarlozing',
    'getuige_partnergeweld',
    'ouderenmishandeling',
    'financieel_misbruik',
    'oudermishandeling',
    'eergerelateerd_geweld',
    'huwelijksdwang',
    'achterlating',
    'vgv',
    'mensenhandel_seksueel',
    'mensenhandel_arbeid',
    'mensenhandel_crimineel',
    'mensenhandel_overig',
    'stalking',
    'seksueel_geweld',
    'overig'
);
--> statement-breakpoint
-- type mdo_besluit
CREATE TYPE public.mdo_besluit AS ENUM (
    'onderzoek',
    'vv',
    'overdracht',
    'afsluiten'
);
--> statement-breakpoint
-- type melder_rol
CREATE TYPE public.melder_rol AS ENUM (
    'omstander',
    'slachtoffer',
    'pleger',
    'familie'
);
--> statement-breakpoint
-- type melder_type
CREATE TYPE public.melder_type AS ENUM (
    'professional',
    'niet_professional'
);
--> statement-breakpoint
-- type melding_kanaal
CREATE TYPE public.melding_kanaal AS ENUM (
    'telefoon',
    'mail',
    'ketenpartner',
    'balie'
);
--> statement-breakpoint
-- type melding_status
CREATE TYPE public.melding_status AS ENUM (
    'ontvangen',
    'triage_voorgesteld',
    'beoordeeld',
    'crisis',
    'mdo',
    'onderzoek',
    'vv',
    'overdracht',
    'monitoring',
    'afgesloten'
);
--> statement-breakpoint
-- type monitoring_status
CREATE TYPE public.monitoring_status AS ENUM (
    'gepland',
    'veilig',
    'niet_veilig'
);
--> statement-breakpoint
-- type onderzoek_vervolg
CREATE TYPE public.onderzoek_vervolg AS ENUM (
    'overdracht',
    'vv',
    'monitoring',
    'afsluiten'
);
--> statement-breakpoint
-- type overdracht_status
CREATE TYPE public.overdracht_status AS ENUM (
    'verzonden',
    'geaccepteerd',
    'teruggestuurd'
);
--> statement-breakpoint
-- type rol_aanvraag_status
CREATE TYPE public.rol_aanvraag_status AS ENUM (
    'aangevraagd',
    'goedgekeurd',
    'afgewezen'
);
--> statement-breakpoint
-- type role
CREATE TYPE public.role AS ENUM (
    'adviseur',
    'beoordelaar',
    'chef_van_de_dag',
    'crisisteam',
    'gedragswetenschapper',
    'medewerker',
    'manager',
    'wijkteam',
    'privacy_officer',
    'beheerder'
);
--> statement-breakpoint
-- type route
CREATE TYPE public.route AS ENUM (
    'crisisteam',
    'mdo',
    'wijkteam',
    'afsluiten'
);
--> statement-breakpoint
-- type sector
CREATE TYPE public.sector AS ENUM (
    'politie',
    'zorg',
    'ggz',
    'onderwijs',
    'jeugdhulp',
    'kinderopvang',
    'overig'
);
--> statement-breakpoint
-- type team_kind
CREATE TYPE public.team_kind AS ENUM (
    'advieslijn',
    'beoordeling',
    'crisisteam',
    'mdo',
    'onderzoek',
    'monitoring',
    'wijkteam'
);
--> statement-breakpoint
-- type terugkoppel_moment
CREATE TYPE public.terugkoppel_moment AS ENUM (
    'na_beoordeling',
    'na_onderzoek'
);
--> statement-breakpoint
-- type urgency
CREATE TYPE public.urgency AS ENUM (
    'acuut',
    'niet_acuut'
);
--> statement-breakpoint
-- type vernietiging_status
CREATE TYPE public.vernietiging_status AS ENUM (
    'aangevraagd',
    'toegewezen',
    'afgewezen'
);
--> statement-breakpoint
-- type voorwaarde_status
CREATE TYPE public.voorwaarde_status AS ENUM (
    'lopend',
    'nagekomen',
    'niet_nagekomen'
);
--> statement-breakpoint
-- type vrager_type
CREATE TYPE public.vrager_type AS ENUM (
    'professional',
    'omstander',
    'slachtoffer',
    'pleger',
    'familie',
    'onbekend'
);
--> statement-breakpoint
-- function audit_log_append_only()
CREATE FUNCTION public.audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- function melding_clock(uuid, public.melding_status)
CREATE FUNCTION public.melding_clock(p_id uuid, p_status public.melding_status) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
  IF p_status = 'onderzoek' THEN
    RETURN (
      SELECT CASE WHEN o.started_at IS NULL THEN o.besluit_at
                  ELSE ((o.due_date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond' END
        FROM onderzoeken o WHERE o.melding_id = p_id AND o.afgerond_at IS NULL ORDER BY o.besluit_at DESC LIMIT 1);
  ELSIF p_status IN ('vv', 'monitoring') THEN
    RETURN (
      SELECT ((min(x.d) + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond'
        FROM (SELECT c.due_date AS d FROM monitoring_checkpoints c WHERE c.melding_id = p_id AND c.status = 'gepland'
              UNION ALL
              SELECT v.controle_op FROM vv_voorwaarden v WHERE v.melding_id = p_id AND v.status = 'lopend') x);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- function meldingen_first_beoordeling()
CREATE FUNCTION public.meldingen_first_beoordeling() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  UPDATE meldingen m SET first_beoordeling_at = n.first
    FROM (SELECT melding_id, min(decided_at) AS first FROM nieuw GROUP BY melding_id) n
   WHERE m.id = n.melding_id AND (m.first_beoordeling_at IS NULL OR m.first_beoordeling_at > n.first);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- function rapportage_adviezen_rij()
CREATE FUNCTION public.rapportage_adviezen_rij() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(ARRAY[(NEW.started_at at time zone 'Europe/Amsterdam')::date]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(ARRAY[(OLD.started_at at time zone 'Europe/Amsterdam')::date]);
  ELSE
    PERFORM rapportage_markeer(ARRAY[(OLD.started_at at time zone 'Europe/Amsterdam')::date, (NEW.started_at at time zone 'Europe/Amsterdam')::date]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- function rapportage_code_rood_rij()
CREATE FUNCTION public.rapportage_code_rood_rij() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(ARRAY[NEW.datum]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(ARRAY[OLD.datum]);
  ELSE
    PERFORM rapportage_markeer(ARRAY[OLD.datum, NEW.datum]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- function rapportage_huisverboden_rij()
CREATE FUNCTION public.rapportage_huisverboden_rij() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(ARRAY[NEW.opgelegd_op]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(ARRAY[OLD.opgelegd_op]);
  ELSE
    PERFORM rapportage_markeer(ARRAY[OLD.opgelegd_op, NEW.opgelegd_op]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- function rapportage_markeer(date[])
CREATE FUNCTION public.rapportage_markeer(dagen date[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
DECLARE
  vandaag date := (now() AT TIME ZONE 'Europe/Amsterdam')::date;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM unnest(dagen) d WHERE d < vandaag) THEN
    RETURN;
  END IF;
  INSERT INTO rapportage_wijzigingen AS w (dag, versie)
  SELECT DISTINCT d, 1 FROM unnest(dagen) d WHERE d IS NOT NULL AND d < vandaag
  ON CONFLICT (dag) DO UPDATE SET versie = w.versie + 1;
END $$;
--> statement-breakpoint
-- function rapportage_meldingen_rij()
CREATE FUNCTION public.rapportage_meldingen_rij() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(ARRAY[(NEW.received_at at time zone 'Europe/Amsterdam')::date]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(ARRAY[(OLD.received_at at time zone 'Europe/Amsterdam')::date]);
  ELSE
    PERFORM rapportage_markeer(ARRAY[(OLD.received_at at time zone 'Europe/Amsterdam')::date, (NEW.received_at at time zone 'Europe/Amsterdam')::date]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- function rapportage_onderzoeken_rij()
CREATE FUNCTION public.rapportage_onderzoeken_rij() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rapportage_markeer(ARRAY[(NEW.afgerond_at at time zone 'Europe/Amsterdam')::date]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rapportage_markeer(ARRAY[(OLD.afgerond_at at time zone 'Europe/Amsterdam')::date]);
  ELSE
    PERFORM rapportage_markeer(ARRAY[(OLD.afgerond_at at time zone 'Europe/Amsterdam')::date, (NEW.afgerond_at at time zone 'Europe/Amsterdam')::date]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- function vt_wijkteam_gemeente()
CREATE FUNCTION public.vt_wijkteam_gemeente() RETURNS text
    LANGUAGE sql STABLE
    AS $$
  SELECT nullif(current_setting('vt.gemeente', true), '')
$$;
--> statement-breakpoint
-- table account_activaties
CREATE TABLE public.account_activaties (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    token_hash text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table adviezen
CREATE TABLE public.adviezen (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    reference text NOT NULL,
    kanaal public.advies_kanaal NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    vrager_type public.vrager_type NOT NULL,
    sector public.sector,
    anoniem boolean NOT NULL,
    vrager_naam text,
    vrager_telefoon text,
    vrager_email text,
    vrager_organisatie text,
    geweldsvormen public.geweldsvorm[] DEFAULT '{}'::public.geweldsvorm[] NOT NULL,
    samenvatting text NOT NULL,
    advies_gegeven text NOT NULL,
    uitkomst public.advies_uitkomst NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    anonymised_at timestamp with time zone,
    CONSTRAINT adviezen_anoniem_zonder_vrager CHECK (((NOT anoniem) OR ((vrager_naam IS NULL) AND (vrager_telefoon IS NULL) AND (vrager_email IS NULL) AND (vrager_organisatie IS NULL))))
);
--> statement-breakpoint
-- table api_clients
CREATE TABLE public.api_clients (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    naam text NOT NULL,
    key_hash text NOT NULL,
    scopes text[] NOT NULL,
    revoked_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table audit_log
CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor_id uuid,
    actor_type text NOT NULL,
    on_behalf_of text,
    role text,
    action public.audit_action NOT NULL,
    subject_type text NOT NULL,
    subject_id text,
    purpose text,
    result public.audit_result NOT NULL,
    ip text,
    break_glass_id uuid
);
--> statement-breakpoint
-- sequence audit_log_id_seq
CREATE SEQUENCE public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
--> statement-breakpoint
-- sequence owned by audit_log_id_seq
ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;
--> statement-breakpoint
-- table beoordelingen
CREATE TABLE public.beoordelingen (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    voorstel_id uuid,
    proposed_route public.route,
    proposed_band public.band,
    proposed_route_rule text,
    rules_version text,
    route public.route NOT NULL,
    band public.band NOT NULL,
    override boolean NOT NULL,
    reason text,
    decided_by uuid NOT NULL,
    team_id uuid,
    decided_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table betrokkenen
CREATE TABLE public.betrokkenen (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    volgorde smallint NOT NULL,
    rol public.betrokkene_rol NOT NULL,
    voornaam text NOT NULL,
    achternaam text NOT NULL,
    geboortedatum date,
    persoon_index text
);
--> statement-breakpoint
-- table break_glass_grants
CREATE TABLE public.break_glass_grants (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    melding_id uuid NOT NULL,
    reden text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- table code_rood
CREATE TABLE public.code_rood (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    datum date NOT NULL,
    toelichting text NOT NULL,
    uitkomst text,
    uitkomst_datum date,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table dashboard_targets
CREATE TABLE public.dashboard_targets (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    metric public.dashboard_metric NOT NULL,
    team_id uuid,
    value integer NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table extra_niet_werkdagen
CREATE TABLE public.extra_niet_werkdagen (
    datum date NOT NULL,
    omschrijving text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table gemeenten
CREATE TABLE public.gemeenten (
    code character varying(6) NOT NULL,
    naam text NOT NULL
);
--> statement-breakpoint
-- table huisverboden
CREATE TABLE public.huisverboden (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    opgelegd_op date NOT NULL,
    eindigt_op date NOT NULL,
    verlengd_tot_en_met date,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table idempotency_keys
CREATE TABLE public.idempotency_keys (
    scope text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status_code smallint NOT NULL,
    response jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table mdo_agendapunten
CREATE TABLE public.mdo_agendapunten (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    mdo_id uuid NOT NULL,
    melding_id uuid NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    besluit public.mdo_besluit,
    toelichting text,
    eigenaar uuid,
    besluit_by uuid,
    besluit_at timestamp with time zone
);
--> statement-breakpoint
-- table mdo_overleggen
CREATE TABLE public.mdo_overleggen (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    datum date NOT NULL,
    deelnemers uuid[] NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table melding_events
CREATE TABLE public.melding_events (
    id bigint NOT NULL,
    melding_id uuid NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    type public.event_type NOT NULL,
    actor_id uuid,
    data jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
-- sequence melding_events_id_seq
CREATE SEQUENCE public.melding_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
--> statement-breakpoint
-- sequence owned by melding_events_id_seq
ALTER SEQUENCE public.melding_events_id_seq OWNED BY public.melding_events.id;
--> statement-breakpoint
-- table meldingen
CREATE TABLE public.meldingen (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    reference text NOT NULL,
    status public.melding_status DEFAULT 'ontvangen'::public.melding_status NOT NULL,
    kanaal public.melding_kanaal NOT NULL,
    received_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_by_user_id uuid,
    created_by_client_id uuid,
    advies_id uuid,
    melder_type public.melder_type NOT NULL,
    melder_rol public.melder_rol,
    melder_sector public.sector,
    melder_naam text NOT NULL,
    melder_organisatie text,
    melder_telefoon text,
    melder_email text,
    anoniem_naar_huishouden boolean NOT NULL,
    straat text NOT NULL,
    huisnummer text NOT NULL,
    postcode text NOT NULL,
    plaats text NOT NULL,
    gemeente_code character varying(6) NOT NULL,
    geweldsvormen public.geweldsvorm[] DEFAULT '{}'::public.geweldsvorm[] NOT NULL,
    veiligheid jsonb DEFAULT '{}'::jsonb NOT NULL,
    toelichting text DEFAULT ''::text NOT NULL,
    team_id uuid,
    assigned_to uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    beoordeling_due_date date NOT NULL,
    beoordeling_due_at timestamp with time zone NOT NULL,
    response_due_at timestamp with time zone,
    triage_requested integer DEFAULT 1 NOT NULL,
    triage_run integer DEFAULT 0 NOT NULL,
    urgency public.urgency,
    band public.band,
    priority smallint,
    route public.route,
    route_rule text,
    factors jsonb,
    rules_version text,
    eerdere_meldingen integer,
    proposed_at timestamp with time zone,
    anonymised_at timestamp with time zone,
    first_beoordeling_at timestamp with time zone,
    clock_due_at timestamp with time zone,
    beoordeling_wacht tstzrange GENERATED ALWAYS AS (tstzrange(beoordeling_due_at,
CASE
    WHEN (first_beoordeling_at IS NULL) THEN NULL::timestamp with time zone
    ELSE GREATEST(beoordeling_due_at, first_beoordeling_at)
END, '()'::text)) STORED,
    adres_index text DEFAULT ''::text NOT NULL,
    CONSTRAINT meldingen_priority_range CHECK (((priority IS NULL) OR ((priority >= 0) AND (priority <= 100))))
);
--> statement-breakpoint
-- table monitoring_checkpoints
CREATE TABLE public.monitoring_checkpoints (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    overdracht_id uuid,
    due_date date NOT NULL,
    status public.monitoring_status DEFAULT 'gepland'::public.monitoring_status NOT NULL,
    recorded_by uuid,
    recorded_at timestamp with time zone
);
--> statement-breakpoint
-- table onderzoeken
CREATE TABLE public.onderzoeken (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    team_id uuid,
    besluit_at timestamp with time zone NOT NULL,
    started_at date,
    due_date date,
    afgerond_at timestamp with time zone,
    uitkomsten jsonb,
    vervolg public.onderzoek_vervolg,
    started_by uuid,
    afgerond_by uuid
);
--> statement-breakpoint
-- table outbox
CREATE TABLE public.outbox (
    id bigint NOT NULL,
    topic text NOT NULL,
    aggregate_id uuid NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    dispatched_at timestamp with time zone
);
--> statement-breakpoint
-- sequence outbox_id_seq
CREATE SEQUENCE public.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
--> statement-breakpoint
-- sequence owned by outbox_id_seq
ALTER SEQUENCE public.outbox_id_seq OWNED BY public.outbox.id;
--> statement-breakpoint
-- table overdrachten
CREATE TABLE public.overdrachten (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    gemeente_code character varying(6) NOT NULL,
    status public.overdracht_status DEFAULT 'verzonden'::public.overdracht_status NOT NULL,
    toelichting text DEFAULT ''::text NOT NULL,
    veiligheidsvoorwaarden text,
    reden text,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    decided_by uuid,
    decided_at timestamp with time zone
);
--> statement-breakpoint
-- table rapportage_dag_stand
CREATE TABLE public.rapportage_dag_stand (
    dag date NOT NULL,
    versie bigint NOT NULL,
    berekend_op timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table rapportage_dagen
CREATE TABLE public.rapportage_dagen (
    dag date NOT NULL,
    categorie text NOT NULL,
    code text NOT NULL,
    aantal integer NOT NULL
);
--> statement-breakpoint
-- table rapportage_wijzigingen
CREATE TABLE public.rapportage_wijzigingen (
    dag date NOT NULL,
    versie bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
-- table reference_counters
CREATE TABLE public.reference_counters (
    kind character varying(1) NOT NULL,
    year smallint NOT NULL,
    last integer NOT NULL
);
--> statement-breakpoint
-- table rol_aanvragen
CREATE TABLE public.rol_aanvragen (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    roles public.role[] NOT NULL,
    requested_by uuid NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    status public.rol_aanvraag_status DEFAULT 'aangevraagd'::public.rol_aanvraag_status NOT NULL,
    decided_by uuid,
    decided_at timestamp with time zone,
    reden text
);
--> statement-breakpoint
-- table sessions
CREATE TABLE public.sessions (
    id_hash text NOT NULL,
    user_id uuid NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    mfa_pending boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
-- table teams
CREATE TABLE public.teams (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind public.team_kind NOT NULL,
    naam text NOT NULL,
    gemeente_code character varying(6),
    CONSTRAINT teams_wijkteam_has_gemeente CHECK (((kind = 'wijkteam'::public.team_kind) = (gemeente_code IS NOT NULL)))
);
--> statement-breakpoint
-- table terugkoppelingen
CREATE TABLE public.terugkoppelingen (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    moment public.terugkoppel_moment NOT NULL,
    due_date date NOT NULL,
    done_at timestamp with time zone,
    done_by uuid,
    notitie text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table triage_voorstellen
CREATE TABLE public.triage_voorstellen (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    run integer NOT NULL,
    urgency public.urgency NOT NULL,
    band public.band NOT NULL,
    priority smallint NOT NULL,
    route public.route NOT NULL,
    route_rule text NOT NULL,
    factors jsonb NOT NULL,
    rules_version text NOT NULL,
    eerdere_meldingen integer NOT NULL,
    proposed_at timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- table users
CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email text NOT NULL,
    naam text NOT NULL,
    password_hash text,
    roles public.role[] NOT NULL,
    team_id uuid,
    gemeente_code character varying(6),
    disabled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    totp_secret text,
    totp_enabled_at timestamp with time zone,
    totp_last_step bigint,
    other_team_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
-- table vernietigingsverzoeken
CREATE TABLE public.vernietigingsverzoeken (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    reden text NOT NULL,
    requested_by uuid NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    status public.vernietiging_status DEFAULT 'aangevraagd'::public.vernietiging_status NOT NULL,
    besluit_reden text,
    decided_by uuid,
    decided_at timestamp with time zone,
    executed_at timestamp with time zone
);
--> statement-breakpoint
-- table vv_voorwaarden
CREATE TABLE public.vv_voorwaarden (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    melding_id uuid NOT NULL,
    omschrijving text NOT NULL,
    toezichthouder text NOT NULL,
    controle_op date NOT NULL,
    status public.voorwaarde_status DEFAULT 'lopend'::public.voorwaarde_status NOT NULL,
    toelichting text,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    beoordeeld_by uuid,
    beoordeeld_at timestamp with time zone
);
--> statement-breakpoint
-- default audit_log id
ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);
--> statement-breakpoint
-- default melding_events id
ALTER TABLE ONLY public.melding_events ALTER COLUMN id SET DEFAULT nextval('public.melding_events_id_seq'::regclass);
--> statement-breakpoint
-- default outbox id
ALTER TABLE ONLY public.outbox ALTER COLUMN id SET DEFAULT nextval('public.outbox_id_seq'::regclass);
--> statement-breakpoint
-- constraint account_activaties account_activaties_pkey
ALTER TABLE ONLY public.account_activaties
    ADD CONSTRAINT account_activaties_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint account_activaties account_activaties_token_hash_unique
ALTER TABLE ONLY public.account_activaties
    ADD CONSTRAINT account_activaties_token_hash_unique UNIQUE (token_hash);
--> statement-breakpoint
-- constraint adviezen adviezen_pkey
ALTER TABLE ONLY public.adviezen
    ADD CONSTRAINT adviezen_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint adviezen adviezen_reference_unique
ALTER TABLE ONLY public.adviezen
    ADD CONSTRAINT adviezen_reference_unique UNIQUE (reference);
--> statement-breakpoint
-- constraint api_clients api_clients_key_hash_unique
ALTER TABLE ONLY public.api_clients
    ADD CONSTRAINT api_clients_key_hash_unique UNIQUE (key_hash);
--> statement-breakpoint
-- constraint api_clients api_clients_pkey
ALTER TABLE ONLY public.api_clients
    ADD CONSTRAINT api_clients_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint audit_log audit_log_pkey
ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint beoordelingen beoordelingen_pkey
ALTER TABLE ONLY public.beoordelingen
    ADD CONSTRAINT beoordelingen_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint betrokkenen betrokkenen_pkey
ALTER TABLE ONLY public.betrokkenen
    ADD CONSTRAINT betrokkenen_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint break_glass_grants break_glass_grants_pkey
ALTER TABLE ONLY public.break_glass_grants
    ADD CONSTRAINT break_glass_grants_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint code_rood code_rood_pkey
ALTER TABLE ONLY public.code_rood
    ADD CONSTRAINT code_rood_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint dashboard_targets dashboard_targets_pkey
ALTER TABLE ONLY public.dashboard_targets
    ADD CONSTRAINT dashboard_targets_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint extra_niet_werkdagen extra_niet_werkdagen_pkey
ALTER TABLE ONLY public.extra_niet_werkdagen
    ADD CONSTRAINT extra_niet_werkdagen_pkey PRIMARY KEY (datum);
--> statement-breakpoint
-- constraint gemeenten gemeenten_pkey
ALTER TABLE ONLY public.gemeenten
    ADD CONSTRAINT gemeenten_pkey PRIMARY KEY (code);
--> statement-breakpoint
-- constraint huisverboden huisverboden_pkey
ALTER TABLE ONLY public.huisverboden
    ADD CONSTRAINT huisverboden_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint idempotency_keys idempotency_keys_scope_key_pk
ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT idempotency_keys_scope_key_pk PRIMARY KEY (scope, key);
--> statement-breakpoint
-- constraint mdo_agendapunten mdo_agendapunten_pkey
ALTER TABLE ONLY public.mdo_agendapunten
    ADD CONSTRAINT mdo_agendapunten_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint mdo_overleggen mdo_overleggen_pkey
ALTER TABLE ONLY public.mdo_overleggen
    ADD CONSTRAINT mdo_overleggen_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint melding_events melding_events_pkey
ALTER TABLE ONLY public.melding_events
    ADD CONSTRAINT melding_events_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint meldingen meldingen_advies_id_unique
ALTER TABLE ONLY public.meldingen
    ADD CONSTRAINT meldingen_advies_id_unique UNIQUE (advies_id);
--> statement-breakpoint
-- constraint meldingen meldingen_pkey
ALTER TABLE ONLY public.meldingen
    ADD CONSTRAINT meldingen_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint meldingen meldingen_reference_unique
ALTER TABLE ONLY public.meldingen
    ADD CONSTRAINT meldingen_reference_unique UNIQUE (reference);
--> statement-breakpoint
-- constraint monitoring_checkpoints monitoring_checkpoints_pkey
ALTER TABLE ONLY public.monitoring_checkpoints
    ADD CONSTRAINT monitoring_checkpoints_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint onderzoeken onderzoeken_pkey
ALTER TABLE ONLY public.onderzoeken
    ADD CONSTRAINT onderzoeken_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint outbox outbox_pkey
ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint overdrachten overdrachten_pkey
ALTER TABLE ONLY public.overdrachten
    ADD CONSTRAINT overdrachten_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint rapportage_dag_stand rapportage_dag_stand_pkey
ALTER TABLE ONLY public.rapportage_dag_stand
    ADD CONSTRAINT rapportage_dag_stand_pkey PRIMARY KEY (dag);
--> statement-breakpoint
-- constraint rapportage_dagen rapportage_dagen_dag_categorie_code_pk
ALTER TABLE ONLY public.rapportage_dagen
    ADD CONSTRAINT rapportage_dagen_dag_categorie_code_pk PRIMARY KEY (dag, categorie, code);
--> statement-breakpoint
-- constraint rapportage_wijzigingen rapportage_wijzigingen_pkey
ALTER TABLE ONLY public.rapportage_wijzigingen
    ADD CONSTRAINT rapportage_wijzigingen_pkey PRIMARY KEY (dag);
--> statement-breakpoint
-- constraint reference_counters reference_counters_kind_year_pk
ALTER TABLE ONLY public.reference_counters
    ADD CONSTRAINT reference_counters_kind_year_pk PRIMARY KEY (kind, year);
--> statement-breakpoint
-- constraint rol_aanvragen rol_aanvragen_pkey
ALTER TABLE ONLY public.rol_aanvragen
    ADD CONSTRAINT rol_aanvragen_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint sessions sessions_pkey
ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id_hash);
--> statement-breakpoint
-- constraint teams teams_pkey
ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint terugkoppelingen terugkoppelingen_pkey
ALTER TABLE ONLY public.terugkoppelingen
    ADD CONSTRAINT terugkoppelingen_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint triage_voorstellen triage_voorstellen_pkey
ALTER TABLE ONLY public.triage_voorstellen
    ADD CONSTRAINT triage_voorstellen_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint users users_email_unique
ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_unique UNIQUE (email);
--> statement-breakpoint
-- constraint users users_pkey
ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint vernietigingsverzoeken vernietigingsverzoeken_pkey
ALTER TABLE ONLY public.vernietigingsverzoeken
    ADD CONSTRAINT vernietigingsverzoeken_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- constraint vv_voorwaarden vv_voorwaarden_pkey
ALTER TABLE ONLY public.vv_voorwaarden
    ADD CONSTRAINT vv_voorwaarden_pkey PRIMARY KEY (id);
--> statement-breakpoint
-- index account_activaties_user_idx
CREATE INDEX account_activaties_user_idx ON public.account_activaties USING btree (user_id);
--> statement-breakpoint
-- index adviezen_started_idx
CREATE INDEX adviezen_started_idx ON public.adviezen USING btree (started_at, kanaal, vrager_type, sector, geweldsvormen);
--> statement-breakpoint
-- index audit_actor_idx
CREATE INDEX audit_actor_idx ON public.audit_log USING btree (actor_id, at);
--> statement-breakpoint
-- index audit_subject_idx
CREATE INDEX audit_subject_idx ON public.audit_log USING btree (subject_type, subject_id, at);
--> statement-breakpoint
-- index beoordelingen_decided_idx
CREATE INDEX beoordelingen_decided_idx ON public.beoordelingen USING btree (decided_at, melding_id, route);
--> statement-breakpoint
-- index beoordelingen_melding_idx
CREATE INDEX beoordelingen_melding_idx ON public.beoordelingen USING btree (melding_id, decided_at);
--> statement-breakpoint
-- index betrokkenen_melding_idx
CREATE INDEX betrokkenen_melding_idx ON public.betrokkenen USING btree (melding_id);
--> statement-breakpoint
-- index betrokkenen_persoon_index_idx
CREATE INDEX betrokkenen_persoon_index_idx ON public.betrokkenen USING btree (persoon_index) WHERE (persoon_index IS NOT NULL);
--> statement-breakpoint
-- index break_glass_created_idx
CREATE INDEX break_glass_created_idx ON public.break_glass_grants USING btree (created_at);
--> statement-breakpoint
-- index break_glass_user_melding_idx
CREATE INDEX break_glass_user_melding_idx ON public.break_glass_grants USING btree (user_id, melding_id, expires_at);
--> statement-breakpoint
-- index code_rood_melding_idx
CREATE INDEX code_rood_melding_idx ON public.code_rood USING btree (melding_id);
--> statement-breakpoint
-- index dashboard_targets_lookup_idx
CREATE INDEX dashboard_targets_lookup_idx ON public.dashboard_targets USING btree (metric, team_id, valid_from);
--> statement-breakpoint
-- index huisverboden_melding_idx
CREATE INDEX huisverboden_melding_idx ON public.huisverboden USING btree (melding_id);
--> statement-breakpoint
-- index idempotency_created_idx
CREATE INDEX idempotency_created_idx ON public.idempotency_keys USING btree (created_at);
--> statement-breakpoint
-- index mdo_agendapunten_melding_idx
CREATE INDEX mdo_agendapunten_melding_idx ON public.mdo_agendapunten USING btree (melding_id);
--> statement-breakpoint
-- index mdo_agendapunten_uq
CREATE UNIQUE INDEX mdo_agendapunten_uq ON public.mdo_agendapunten USING btree (mdo_id, melding_id);
--> statement-breakpoint
-- index mdo_overleggen_datum_idx
CREATE INDEX mdo_overleggen_datum_idx ON public.mdo_overleggen USING btree (datum);
--> statement-breakpoint
-- index melding_events_melding_idx
CREATE INDEX melding_events_melding_idx ON public.melding_events USING btree (melding_id, id);
--> statement-breakpoint
-- index melding_events_triage_run_uq
CREATE UNIQUE INDEX melding_events_triage_run_uq ON public.melding_events USING btree (melding_id, (((data ->> 'run'::text))::integer)) WHERE (type = 'triage_voorgesteld'::public.event_type);
--> statement-breakpoint
-- index meldingen_adres_index_idx
CREATE INDEX meldingen_adres_index_idx ON public.meldingen USING btree (adres_index, received_at);
--> statement-breakpoint
-- index meldingen_beoordeling_wacht_gist
CREATE INDEX meldingen_beoordeling_wacht_gist ON public.meldingen USING gist (beoordeling_wacht) INCLUDE (received_at, team_id, gemeente_code);
--> statement-breakpoint
-- index meldingen_first_beoordeling_idx
CREATE INDEX meldingen_first_beoordeling_idx ON public.meldingen USING btree (first_beoordeling_at, beoordeling_due_at, team_id, gemeente_code);
--> statement-breakpoint
-- index meldingen_gemeente_idx
CREATE INDEX meldingen_gemeente_idx ON public.meldingen USING btree (gemeente_code);
--> statement-breakpoint
-- index meldingen_niet_beoordeeld_idx
CREATE INDEX meldingen_niet_beoordeeld_idx ON public.meldingen USING btree (received_at) WHERE (first_beoordeling_at IS NULL);
--> statement-breakpoint
-- index meldingen_received_idx
CREATE INDEX meldingen_received_idx ON public.meldingen USING btree (received_at, melder_type, melder_rol, melder_sector, urgency, geweldsvormen);
--> statement-breakpoint
-- index meldingen_scope_idx
CREATE INDEX meldingen_scope_idx ON public.meldingen USING btree (id, team_id, gemeente_code);
--> statement-breakpoint
-- index meldingen_status_idx
CREATE INDEX meldingen_status_idx ON public.meldingen USING btree (status);
--> statement-breakpoint
-- index meldingen_team_idx
CREATE INDEX meldingen_team_idx ON public.meldingen USING btree (team_id, status);
--> statement-breakpoint
-- index meldingen_triage_pending_idx
CREATE INDEX meldingen_triage_pending_idx ON public.meldingen USING btree (updated_at) WHERE (triage_run < triage_requested);
--> statement-breakpoint
-- index meldingen_werkvoorraad_idx
CREATE INDEX meldingen_werkvoorraad_idx ON public.meldingen USING btree (team_id, band, COALESCE(clock_due_at, response_due_at, beoordeling_due_at), received_at) WHERE (status <> 'afgesloten'::public.melding_status);
--> statement-breakpoint
-- index monitoring_due_gist
CREATE INDEX monitoring_due_gist ON public.monitoring_checkpoints USING gist (tstzrange((((due_date + 1))::timestamp without time zone AT TIME ZONE 'Europe/Amsterdam'::text),
CASE
    WHEN (recorded_at IS NULL) THEN NULL::timestamp with time zone
    ELSE GREATEST((((due_date + 1))::timestamp without time zone AT TIME ZONE 'Europe/Amsterdam'::text), recorded_at)
END, '[)'::text));
--> statement-breakpoint
-- index monitoring_due_idx
CREATE INDEX monitoring_due_idx ON public.monitoring_checkpoints USING btree (status, due_date);
--> statement-breakpoint
-- index monitoring_melding_idx
CREATE INDEX monitoring_melding_idx ON public.monitoring_checkpoints USING btree (melding_id);
--> statement-breakpoint
-- index onderzoeken_afgerond_idx
CREATE INDEX onderzoeken_afgerond_idx ON public.onderzoeken USING btree (afgerond_at);
--> statement-breakpoint
-- index onderzoeken_besluit_idx
CREATE INDEX onderzoeken_besluit_idx ON public.onderzoeken USING btree (besluit_at);
--> statement-breakpoint
-- index onderzoeken_melding_idx
CREATE INDEX onderzoeken_melding_idx ON public.onderzoeken USING btree (melding_id);
--> statement-breakpoint
-- index onderzoeken_open_uq
CREATE UNIQUE INDEX onderzoeken_open_uq ON public.onderzoeken USING btree (melding_id) WHERE (afgerond_at IS NULL);
--> statement-breakpoint
-- index onderzoeken_overdue_gist
CREATE INDEX onderzoeken_overdue_gist ON public.onderzoeken USING gist (tstzrange((((due_date + 1))::timestamp without time zone AT TIME ZONE 'Europe/Amsterdam'::text),
CASE
    WHEN (afgerond_at IS NULL) THEN NULL::timestamp with time zone
    ELSE GREATEST((((due_date + 1))::timestamp without time zone AT TIME ZONE 'Europe/Amsterdam'::text), afgerond_at)
END, '[)'::text)) WHERE (due_date IS NOT NULL);
--> statement-breakpoint
-- index onderzoeken_started_idx
CREATE INDEX onderzoeken_started_idx ON public.onderzoeken USING btree (started_at);
--> statement-breakpoint
-- index onderzoeken_wachtlijst_gist
CREATE INDEX onderzoeken_wachtlijst_gist ON public.onderzoeken USING gist (tstzrange(besluit_at,
CASE
    WHEN (LEAST(((started_at)::timestamp without time zone AT TIME ZONE 'Europe/Amsterdam'::text), afgerond_at) IS NULL) THEN NULL::timestamp with time zone
    ELSE GREATEST(besluit_at, LEAST(((started_at)::timestamp without time zone AT TIME ZONE 'Europe/Amsterdam'::text), afgerond_at))
END, '[)'::text));
--> statement-breakpoint
-- index onderzoeken_wachtlijst_idx
CREATE INDEX onderzoeken_wachtlijst_idx ON public.onderzoeken USING btree (besluit_at) WHERE (started_at IS NULL);
--> statement-breakpoint
-- index outbox_pending_idx
CREATE INDEX outbox_pending_idx ON public.outbox USING btree (id) WHERE (dispatched_at IS NULL);
--> statement-breakpoint
-- index overdrachten_gemeente_idx
CREATE INDEX overdrachten_gemeente_idx ON public.overdrachten USING btree (gemeente_code, status);
--> statement-breakpoint
-- index overdrachten_melding_idx
CREATE INDEX overdrachten_melding_idx ON public.overdrachten USING btree (melding_id);
--> statement-breakpoint
-- index overdrachten_one_pending_uq
CREATE UNIQUE INDEX overdrachten_one_pending_uq ON public.overdrachten USING btree (melding_id) WHERE (status = 'verzonden'::public.overdracht_status);
--> statement-breakpoint
-- index overdrachten_pending_gist
CREATE INDEX overdrachten_pending_gist ON public.overdrachten USING gist (tstzrange(created_at,
CASE
    WHEN (decided_at IS NULL) THEN NULL::timestamp with time zone
    ELSE GREATEST(created_at, decided_at)
END, '[)'::text));
--> statement-breakpoint
-- index rol_aanvragen_open_uq
CREATE UNIQUE INDEX rol_aanvragen_open_uq ON public.rol_aanvragen USING btree (user_id) WHERE (status = 'aangevraagd'::public.rol_aanvraag_status);
--> statement-breakpoint
-- index rol_aanvragen_status_idx
CREATE INDEX rol_aanvragen_status_idx ON public.rol_aanvragen USING btree (status, requested_at);
--> statement-breakpoint
-- index sessions_user_idx
CREATE INDEX sessions_user_idx ON public.sessions USING btree (user_id);
--> statement-breakpoint
-- index teams_kind_gemeente_uq
CREATE UNIQUE INDEX teams_kind_gemeente_uq ON public.teams USING btree (kind, COALESCE(gemeente_code, ''::character varying));
--> statement-breakpoint
-- index terugkoppelingen_open_idx
CREATE INDEX terugkoppelingen_open_idx ON public.terugkoppelingen USING btree (due_date) WHERE (done_at IS NULL);
--> statement-breakpoint
-- index terugkoppelingen_uq
CREATE UNIQUE INDEX terugkoppelingen_uq ON public.terugkoppelingen USING btree (melding_id, moment);
--> statement-breakpoint
-- index triage_voorstellen_run_uq
CREATE UNIQUE INDEX triage_voorstellen_run_uq ON public.triage_voorstellen USING btree (melding_id, run);
--> statement-breakpoint
-- index vernietigingsverzoeken_open_uq
CREATE UNIQUE INDEX vernietigingsverzoeken_open_uq ON public.vernietigingsverzoeken USING btree (melding_id) WHERE (status = 'aangevraagd'::public.vernietiging_status);
--> statement-breakpoint
-- index vernietigingsverzoeken_status_idx
CREATE INDEX vernietigingsverzoeken_status_idx ON public.vernietigingsverzoeken USING btree (status, requested_at);
--> statement-breakpoint
-- index vv_voorwaarden_controle_idx
CREATE INDEX vv_voorwaarden_controle_idx ON public.vv_voorwaarden USING btree (status, controle_op);
--> statement-breakpoint
-- index vv_voorwaarden_melding_idx
CREATE INDEX vv_voorwaarden_melding_idx ON public.vv_voorwaarden USING btree (melding_id);
--> statement-breakpoint
-- trigger audit_log audit_log_no_truncate
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_append_only();
--> statement-breakpoint
-- trigger audit_log audit_log_no_update_delete
CREATE TRIGGER audit_log_no_update_delete BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.audit_log_append_only();
--> statement-breakpoint
-- trigger beoordelingen beoordelingen_first
CREATE TRIGGER beoordelingen_first AFTER INSERT ON public.beoordelingen REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION public.meldingen_first_beoordeling();
--> statement-breakpoint
-- trigger adviezen rapportage_adviezen_delete
CREATE TRIGGER rapportage_adviezen_delete AFTER DELETE ON public.adviezen FOR EACH ROW WHEN ((((old.started_at AT TIME ZONE 'Europe/Amsterdam'::text))::date < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_adviezen_rij();
--> statement-breakpoint
-- trigger adviezen rapportage_adviezen_insert
CREATE TRIGGER rapportage_adviezen_insert AFTER INSERT ON public.adviezen FOR EACH ROW WHEN ((((new.started_at AT TIME ZONE 'Europe/Amsterdam'::text))::date < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_adviezen_rij();
--> statement-breakpoint
-- trigger adviezen rapportage_adviezen_update
CREATE TRIGGER rapportage_adviezen_update AFTER UPDATE ON public.adviezen FOR EACH ROW WHEN (((((old.started_at IS DISTINCT FROM new.started_at) OR (old.kanaal IS DISTINCT FROM new.kanaal)) OR (old.vrager_type IS DISTINCT FROM new.vrager_type)) OR (old.sector IS DISTINCT FROM new.sector))) EXECUTE FUNCTION public.rapportage_adviezen_rij();
--> statement-breakpoint
-- trigger code_rood rapportage_code_rood_delete
CREATE TRIGGER rapportage_code_rood_delete AFTER DELETE ON public.code_rood FOR EACH ROW WHEN ((old.datum < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_code_rood_rij();
--> statement-breakpoint
-- trigger code_rood rapportage_code_rood_insert
CREATE TRIGGER rapportage_code_rood_insert AFTER INSERT ON public.code_rood FOR EACH ROW WHEN ((new.datum < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_code_rood_rij();
--> statement-breakpoint
-- trigger code_rood rapportage_code_rood_update
CREATE TRIGGER rapportage_code_rood_update AFTER UPDATE ON public.code_rood FOR EACH ROW WHEN ((old.datum IS DISTINCT FROM new.datum)) EXECUTE FUNCTION public.rapportage_code_rood_rij();
--> statement-breakpoint
-- trigger huisverboden rapportage_huisverboden_delete
CREATE TRIGGER rapportage_huisverboden_delete AFTER DELETE ON public.huisverboden FOR EACH ROW WHEN ((old.opgelegd_op < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_huisverboden_rij();
--> statement-breakpoint
-- trigger huisverboden rapportage_huisverboden_insert
CREATE TRIGGER rapportage_huisverboden_insert AFTER INSERT ON public.huisverboden FOR EACH ROW WHEN ((new.opgelegd_op < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_huisverboden_rij();
--> statement-breakpoint
-- trigger huisverboden rapportage_huisverboden_update
CREATE TRIGGER rapportage_huisverboden_update AFTER UPDATE ON public.huisverboden FOR EACH ROW WHEN (((old.opgelegd_op IS DISTINCT FROM new.opgelegd_op) OR (old.verlengd_tot_en_met IS DISTINCT FROM new.verlengd_tot_en_met))) EXECUTE FUNCTION public.rapportage_huisverboden_rij();
--> statement-breakpoint
-- trigger meldingen rapportage_meldingen_delete
CREATE TRIGGER rapportage_meldingen_delete AFTER DELETE ON public.meldingen FOR EACH ROW WHEN ((((old.received_at AT TIME ZONE 'Europe/Amsterdam'::text))::date < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_meldingen_rij();
--> statement-breakpoint
-- trigger meldingen rapportage_meldingen_insert
CREATE TRIGGER rapportage_meldingen_insert AFTER INSERT ON public.meldingen FOR EACH ROW WHEN ((((new.received_at AT TIME ZONE 'Europe/Amsterdam'::text))::date < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_meldingen_rij();
--> statement-breakpoint
-- trigger meldingen rapportage_meldingen_update
CREATE TRIGGER rapportage_meldingen_update AFTER UPDATE ON public.meldingen FOR EACH ROW WHEN (((((((old.received_at IS DISTINCT FROM new.received_at) OR (old.melder_type IS DISTINCT FROM new.melder_type)) OR (old.melder_rol IS DISTINCT FROM new.melder_rol)) OR (old.melder_sector IS DISTINCT FROM new.melder_sector)) OR (old.geweldsvormen IS DISTINCT FROM new.geweldsvormen)) OR (old.urgency IS DISTINCT FROM new.urgency))) EXECUTE FUNCTION public.rapportage_meldingen_rij();
--> statement-breakpoint
-- trigger onderzoeken rapportage_onderzoeken_delete
CREATE TRIGGER rapportage_onderzoeken_delete AFTER DELETE ON public.onderzoeken FOR EACH ROW WHEN ((((old.afgerond_at AT TIME ZONE 'Europe/Amsterdam'::text))::date < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_onderzoeken_rij();
--> statement-breakpoint
-- trigger onderzoeken rapportage_onderzoeken_insert
CREATE TRIGGER rapportage_onderzoeken_insert AFTER INSERT ON public.onderzoeken FOR EACH ROW WHEN ((((new.afgerond_at AT TIME ZONE 'Europe/Amsterdam'::text))::date < ((now() AT TIME ZONE 'Europe/Amsterdam'::text))::date)) EXECUTE FUNCTION public.rapportage_onderzoeken_rij();
--> statement-breakpoint
-- trigger onderzoeken rapportage_onderzoeken_update
CREATE TRIGGER rapportage_onderzoeken_update AFTER UPDATE ON public.onderzoeken FOR EACH ROW WHEN (((old.afgerond_at IS DISTINCT FROM new.afgerond_at) OR (old.uitkomsten IS DISTINCT FROM new.uitkomsten))) EXECUTE FUNCTION public.rapportage_onderzoeken_rij();
--> statement-breakpoint
-- fk constraint account_activaties account_activaties_created_by_users_id_fk
ALTER TABLE ONLY public.account_activaties
    ADD CONSTRAINT account_activaties_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint account_activaties account_activaties_user_id_users_id_fk
ALTER TABLE ONLY public.account_activaties
    ADD CONSTRAINT account_activaties_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint adviezen adviezen_created_by_users_id_fk
ALTER TABLE ONLY public.adviezen
    ADD CONSTRAINT adviezen_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint beoordelingen beoordelingen_decided_by_users_id_fk
ALTER TABLE ONLY public.beoordelingen
    ADD CONSTRAINT beoordelingen_decided_by_users_id_fk FOREIGN KEY (decided_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint beoordelingen beoordelingen_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.beoordelingen
    ADD CONSTRAINT beoordelingen_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint beoordelingen beoordelingen_team_id_teams_id_fk
ALTER TABLE ONLY public.beoordelingen
    ADD CONSTRAINT beoordelingen_team_id_teams_id_fk FOREIGN KEY (team_id) REFERENCES public.teams(id);
--> statement-breakpoint
-- fk constraint beoordelingen beoordelingen_voorstel_id_triage_voorstellen_id_fk
ALTER TABLE ONLY public.beoordelingen
    ADD CONSTRAINT beoordelingen_voorstel_id_triage_voorstellen_id_fk FOREIGN KEY (voorstel_id) REFERENCES public.triage_voorstellen(id);
--> statement-breakpoint
-- fk constraint betrokkenen betrokkenen_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.betrokkenen
    ADD CONSTRAINT betrokkenen_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint break_glass_grants break_glass_grants_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.break_glass_grants
    ADD CONSTRAINT break_glass_grants_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint break_glass_grants break_glass_grants_user_id_users_id_fk
ALTER TABLE ONLY public.break_glass_grants
    ADD CONSTRAINT break_glass_grants_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint code_rood code_rood_created_by_users_id_fk
ALTER TABLE ONLY public.code_rood
    ADD CONSTRAINT code_rood_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint code_rood code_rood_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.code_rood
    ADD CONSTRAINT code_rood_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint dashboard_targets dashboard_targets_created_by_users_id_fk
ALTER TABLE ONLY public.dashboard_targets
    ADD CONSTRAINT dashboard_targets_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint dashboard_targets dashboard_targets_team_id_teams_id_fk
ALTER TABLE ONLY public.dashboard_targets
    ADD CONSTRAINT dashboard_targets_team_id_teams_id_fk FOREIGN KEY (team_id) REFERENCES public.teams(id);
--> statement-breakpoint
-- fk constraint huisverboden huisverboden_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.huisverboden
    ADD CONSTRAINT huisverboden_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint mdo_agendapunten mdo_agendapunten_besluit_by_users_id_fk
ALTER TABLE ONLY public.mdo_agendapunten
    ADD CONSTRAINT mdo_agendapunten_besluit_by_users_id_fk FOREIGN KEY (besluit_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint mdo_agendapunten mdo_agendapunten_eigenaar_users_id_fk
ALTER TABLE ONLY public.mdo_agendapunten
    ADD CONSTRAINT mdo_agendapunten_eigenaar_users_id_fk FOREIGN KEY (eigenaar) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint mdo_agendapunten mdo_agendapunten_mdo_id_mdo_overleggen_id_fk
ALTER TABLE ONLY public.mdo_agendapunten
    ADD CONSTRAINT mdo_agendapunten_mdo_id_mdo_overleggen_id_fk FOREIGN KEY (mdo_id) REFERENCES public.mdo_overleggen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint mdo_agendapunten mdo_agendapunten_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.mdo_agendapunten
    ADD CONSTRAINT mdo_agendapunten_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint mdo_overleggen mdo_overleggen_created_by_users_id_fk
ALTER TABLE ONLY public.mdo_overleggen
    ADD CONSTRAINT mdo_overleggen_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint melding_events melding_events_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.melding_events
    ADD CONSTRAINT melding_events_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint meldingen meldingen_advies_id_adviezen_id_fk
ALTER TABLE ONLY public.meldingen
    ADD CONSTRAINT meldingen_advies_id_adviezen_id_fk FOREIGN KEY (advies_id) REFERENCES public.adviezen(id);
--> statement-breakpoint
-- fk constraint meldingen meldingen_created_by_client_id_api_clients_id_fk
ALTER TABLE ONLY public.meldingen
    ADD CONSTRAINT meldingen_created_by_client_id_api_clients_id_fk FOREIGN KEY (created_by_client_id) REFERENCES public.api_clients(id);
--> statement-breakpoint
-- fk constraint meldingen meldingen_created_by_user_id_users_id_fk
ALTER TABLE ONLY public.meldingen
    ADD CONSTRAINT meldingen_created_by_user_id_users_id_fk FOREIGN KEY (created_by_user_id) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint meldingen meldingen_gemeente_code_gemeenten_code_fk
ALTER TABLE ONLY public.meldingen
    ADD CONSTRAINT meldingen_gemeente_code_gemeenten_code_fk FOREIGN KEY (gemeente_code) REFERENCES public.gemeenten(code);
--> statement-breakpoint
-- fk constraint meldingen meldingen_team_id_teams_id_fk
ALTER TABLE ONLY public.meldingen
    ADD CONSTRAINT meldingen_team_id_teams_id_fk FOREIGN KEY (team_id) REFERENCES public.teams(id);
--> statement-breakpoint
-- fk constraint monitoring_checkpoints monitoring_checkpoints_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.monitoring_checkpoints
    ADD CONSTRAINT monitoring_checkpoints_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint monitoring_checkpoints monitoring_checkpoints_overdracht_id_overdrachten_id_fk
ALTER TABLE ONLY public.monitoring_checkpoints
    ADD CONSTRAINT monitoring_checkpoints_overdracht_id_overdrachten_id_fk FOREIGN KEY (overdracht_id) REFERENCES public.overdrachten(id);
--> statement-breakpoint
-- fk constraint monitoring_checkpoints monitoring_checkpoints_recorded_by_users_id_fk
ALTER TABLE ONLY public.monitoring_checkpoints
    ADD CONSTRAINT monitoring_checkpoints_recorded_by_users_id_fk FOREIGN KEY (recorded_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint onderzoeken onderzoeken_afgerond_by_users_id_fk
ALTER TABLE ONLY public.onderzoeken
    ADD CONSTRAINT onderzoeken_afgerond_by_users_id_fk FOREIGN KEY (afgerond_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint onderzoeken onderzoeken_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.onderzoeken
    ADD CONSTRAINT onderzoeken_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint onderzoeken onderzoeken_started_by_users_id_fk
ALTER TABLE ONLY public.onderzoeken
    ADD CONSTRAINT onderzoeken_started_by_users_id_fk FOREIGN KEY (started_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint onderzoeken onderzoeken_team_id_teams_id_fk
ALTER TABLE ONLY public.onderzoeken
    ADD CONSTRAINT onderzoeken_team_id_teams_id_fk FOREIGN KEY (team_id) REFERENCES public.teams(id);
--> statement-breakpoint
-- fk constraint overdrachten overdrachten_created_by_users_id_fk
ALTER TABLE ONLY public.overdrachten
    ADD CONSTRAINT overdrachten_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint overdrachten overdrachten_decided_by_users_id_fk
ALTER TABLE ONLY public.overdrachten
    ADD CONSTRAINT overdrachten_decided_by_users_id_fk FOREIGN KEY (decided_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint overdrachten overdrachten_gemeente_code_gemeenten_code_fk
ALTER TABLE ONLY public.overdrachten
    ADD CONSTRAINT overdrachten_gemeente_code_gemeenten_code_fk FOREIGN KEY (gemeente_code) REFERENCES public.gemeenten(code);
--> statement-breakpoint
-- fk constraint overdrachten overdrachten_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.overdrachten
    ADD CONSTRAINT overdrachten_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint rol_aanvragen rol_aanvragen_decided_by_users_id_fk
ALTER TABLE ONLY public.rol_aanvragen
    ADD CONSTRAINT rol_aanvragen_decided_by_users_id_fk FOREIGN KEY (decided_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint rol_aanvragen rol_aanvragen_requested_by_users_id_fk
ALTER TABLE ONLY public.rol_aanvragen
    ADD CONSTRAINT rol_aanvragen_requested_by_users_id_fk FOREIGN KEY (requested_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint rol_aanvragen rol_aanvragen_user_id_users_id_fk
ALTER TABLE ONLY public.rol_aanvragen
    ADD CONSTRAINT rol_aanvragen_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint sessions sessions_user_id_users_id_fk
ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_user_id_users_id_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint teams teams_gemeente_code_gemeenten_code_fk
ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_gemeente_code_gemeenten_code_fk FOREIGN KEY (gemeente_code) REFERENCES public.gemeenten(code);
--> statement-breakpoint
-- fk constraint terugkoppelingen terugkoppelingen_done_by_users_id_fk
ALTER TABLE ONLY public.terugkoppelingen
    ADD CONSTRAINT terugkoppelingen_done_by_users_id_fk FOREIGN KEY (done_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint terugkoppelingen terugkoppelingen_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.terugkoppelingen
    ADD CONSTRAINT terugkoppelingen_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint triage_voorstellen triage_voorstellen_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.triage_voorstellen
    ADD CONSTRAINT triage_voorstellen_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- fk constraint users users_gemeente_code_gemeenten_code_fk
ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_gemeente_code_gemeenten_code_fk FOREIGN KEY (gemeente_code) REFERENCES public.gemeenten(code);
--> statement-breakpoint
-- fk constraint users users_team_id_teams_id_fk
ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_team_id_teams_id_fk FOREIGN KEY (team_id) REFERENCES public.teams(id);
--> statement-breakpoint
-- fk constraint vernietigingsverzoeken vernietigingsverzoeken_decided_by_users_id_fk
ALTER TABLE ONLY public.vernietigingsverzoeken
    ADD CONSTRAINT vernietigingsverzoeken_decided_by_users_id_fk FOREIGN KEY (decided_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint vernietigingsverzoeken vernietigingsverzoeken_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.vernietigingsverzoeken
    ADD CONSTRAINT vernietigingsverzoeken_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id);
--> statement-breakpoint
-- fk constraint vernietigingsverzoeken vernietigingsverzoeken_requested_by_users_id_fk
ALTER TABLE ONLY public.vernietigingsverzoeken
    ADD CONSTRAINT vernietigingsverzoeken_requested_by_users_id_fk FOREIGN KEY (requested_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint vv_voorwaarden vv_voorwaarden_beoordeeld_by_users_id_fk
ALTER TABLE ONLY public.vv_voorwaarden
    ADD CONSTRAINT vv_voorwaarden_beoordeeld_by_users_id_fk FOREIGN KEY (beoordeeld_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint vv_voorwaarden vv_voorwaarden_created_by_users_id_fk
ALTER TABLE ONLY public.vv_voorwaarden
    ADD CONSTRAINT vv_voorwaarden_created_by_users_id_fk FOREIGN KEY (created_by) REFERENCES public.users(id);
--> statement-breakpoint
-- fk constraint vv_voorwaarden vv_voorwaarden_melding_id_meldingen_id_fk
ALTER TABLE ONLY public.vv_voorwaarden
    ADD CONSTRAINT vv_voorwaarden_melding_id_meldingen_id_fk FOREIGN KEY (melding_id) REFERENCES public.meldingen(id) ON DELETE CASCADE;
--> statement-breakpoint
-- row security beoordelingen
ALTER TABLE public.beoordelingen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy beoordelingen beoordelingen_app
CREATE POLICY beoordelingen_app ON public.beoordelingen USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy beoordelingen beoordelingen_wijkteam
CREATE POLICY beoordelingen_wijkteam ON public.beoordelingen FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = beoordelingen.melding_id))));
--> statement-breakpoint
-- row security betrokkenen
ALTER TABLE public.betrokkenen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy betrokkenen betrokkenen_app
CREATE POLICY betrokkenen_app ON public.betrokkenen USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy betrokkenen betrokkenen_wijkteam
CREATE POLICY betrokkenen_wijkteam ON public.betrokkenen FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = betrokkenen.melding_id))));
--> statement-breakpoint
-- row security code_rood
ALTER TABLE public.code_rood ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy code_rood code_rood_app
CREATE POLICY code_rood_app ON public.code_rood USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy code_rood code_rood_wijkteam
CREATE POLICY code_rood_wijkteam ON public.code_rood FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = code_rood.melding_id))));
--> statement-breakpoint
-- row security huisverboden
ALTER TABLE public.huisverboden ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy huisverboden huisverboden_app
CREATE POLICY huisverboden_app ON public.huisverboden USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy huisverboden huisverboden_wijkteam
CREATE POLICY huisverboden_wijkteam ON public.huisverboden FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = huisverboden.melding_id))));
--> statement-breakpoint
-- row security melding_events
ALTER TABLE public.melding_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy melding_events melding_events_app
CREATE POLICY melding_events_app ON public.melding_events USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy melding_events melding_events_wijkteam
CREATE POLICY melding_events_wijkteam ON public.melding_events FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = melding_events.melding_id))));
--> statement-breakpoint
-- row security meldingen
ALTER TABLE public.meldingen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy meldingen meldingen_app
CREATE POLICY meldingen_app ON public.meldingen USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy meldingen meldingen_wijkteam
CREATE POLICY meldingen_wijkteam ON public.meldingen FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.overdrachten o
  WHERE ((o.melding_id = meldingen.id) AND ((o.gemeente_code)::text = public.vt_wijkteam_gemeente())))));
--> statement-breakpoint
-- row security monitoring_checkpoints
ALTER TABLE public.monitoring_checkpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy monitoring_checkpoints monitoring_checkpoints_app
CREATE POLICY monitoring_checkpoints_app ON public.monitoring_checkpoints USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy monitoring_checkpoints monitoring_checkpoints_wijkteam
CREATE POLICY monitoring_checkpoints_wijkteam ON public.monitoring_checkpoints FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = monitoring_checkpoints.melding_id))));
--> statement-breakpoint
-- row security onderzoeken
ALTER TABLE public.onderzoeken ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy onderzoeken onderzoeken_app
CREATE POLICY onderzoeken_app ON public.onderzoeken USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy onderzoeken onderzoeken_wijkteam
CREATE POLICY onderzoeken_wijkteam ON public.onderzoeken FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = onderzoeken.melding_id))));
--> statement-breakpoint
-- row security overdrachten
ALTER TABLE public.overdrachten ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy overdrachten overdrachten_app
CREATE POLICY overdrachten_app ON public.overdrachten USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy overdrachten overdrachten_wijkteam
CREATE POLICY overdrachten_wijkteam ON public.overdrachten FOR SELECT TO vt_wijkteam USING (((gemeente_code)::text = public.vt_wijkteam_gemeente()));
--> statement-breakpoint
-- row security terugkoppelingen
ALTER TABLE public.terugkoppelingen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy terugkoppelingen terugkoppelingen_app
CREATE POLICY terugkoppelingen_app ON public.terugkoppelingen USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy terugkoppelingen terugkoppelingen_wijkteam
CREATE POLICY terugkoppelingen_wijkteam ON public.terugkoppelingen FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = terugkoppelingen.melding_id))));
--> statement-breakpoint
-- row security triage_voorstellen
ALTER TABLE public.triage_voorstellen ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy triage_voorstellen triage_voorstellen_app
CREATE POLICY triage_voorstellen_app ON public.triage_voorstellen USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy triage_voorstellen triage_voorstellen_wijkteam
CREATE POLICY triage_voorstellen_wijkteam ON public.triage_voorstellen FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = triage_voorstellen.melding_id))));
--> statement-breakpoint
-- row security vv_voorwaarden
ALTER TABLE public.vv_voorwaarden ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- policy vv_voorwaarden vv_voorwaarden_app
CREATE POLICY vv_voorwaarden_app ON public.vv_voorwaarden USING ((CURRENT_USER <> 'vt_wijkteam'::name)) WITH CHECK ((CURRENT_USER <> 'vt_wijkteam'::name));
--> statement-breakpoint
-- policy vv_voorwaarden vv_voorwaarden_wijkteam
CREATE POLICY vv_voorwaarden_wijkteam ON public.vv_voorwaarden FOR SELECT TO vt_wijkteam USING ((EXISTS ( SELECT 1
   FROM public.meldingen m
  WHERE (m.id = vv_voorwaarden.melding_id))));
--> statement-breakpoint
-- acl SCHEMA public
GRANT USAGE ON SCHEMA public TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE audit_log
GRANT INSERT ON TABLE public.audit_log TO vt_wijkteam;
--> statement-breakpoint
-- acl SEQUENCE audit_log_id_seq
GRANT USAGE ON SEQUENCE public.audit_log_id_seq TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE beoordelingen
GRANT SELECT ON TABLE public.beoordelingen TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE betrokkenen
GRANT SELECT ON TABLE public.betrokkenen TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE code_rood
GRANT SELECT ON TABLE public.code_rood TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE extra_niet_werkdagen
GRANT SELECT ON TABLE public.extra_niet_werkdagen TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE gemeenten
GRANT SELECT ON TABLE public.gemeenten TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE huisverboden
GRANT SELECT ON TABLE public.huisverboden TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE melding_events
GRANT SELECT ON TABLE public.melding_events TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE meldingen
GRANT SELECT ON TABLE public.meldingen TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE monitoring_checkpoints
GRANT SELECT ON TABLE public.monitoring_checkpoints TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE onderzoeken
GRANT SELECT ON TABLE public.onderzoeken TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE overdrachten
GRANT SELECT ON TABLE public.overdrachten TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE teams
GRANT SELECT ON TABLE public.teams TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE terugkoppelingen
GRANT SELECT ON TABLE public.terugkoppelingen TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE triage_voorstellen
GRANT SELECT ON TABLE public.triage_voorstellen TO vt_wijkteam;
--> statement-breakpoint
-- acl TABLE vv_voorwaarden
GRANT SELECT ON TABLE public.vv_voorwaarden TO vt_wijkteam;


--
--
