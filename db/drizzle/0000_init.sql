CREATE TYPE "public"."advies_kanaal" AS ENUM('telefoon', 'chat', 'mail');--> statement-breakpoint
CREATE TYPE "public"."advies_uitkomst" AS ENUM('afgesloten', 'doorverwezen', 'omgezet_in_melding');--> statement-breakpoint
CREATE TYPE "public"."audit_action" AS ENUM('read', 'search', 'create', 'update', 'decide', 'export', 'login', 'break_glass');--> statement-breakpoint
CREATE TYPE "public"."audit_result" AS ENUM('success', 'denied', 'not_found', 'error');--> statement-breakpoint
CREATE TYPE "public"."band" AS ENUM('P1', 'P2', 'P3', 'P4');--> statement-breakpoint
CREATE TYPE "public"."betrokkene_rol" AS ENUM('slachtoffer', 'vermoedelijke_pleger', 'kind', 'overig');--> statement-breakpoint
CREATE TYPE "public"."event_type" AS ENUM('ontvangen', 'triage_voorgesteld', 'aanvulling', 'beoordeeld', 'toegewezen', 'mdo_geagendeerd', 'mdo_besluit', 'onderzoek_gestart', 'onderzoek_afgerond', 'vv_gestart', 'overdracht_verzonden', 'overdracht_geaccepteerd', 'overdracht_teruggestuurd', 'monitoring_gepland', 'monitoring_vastgelegd', 'thv_opgelegd', 'thv_verlengd', 'code_rood', 'afgesloten', 'heropend');--> statement-breakpoint
CREATE TYPE "public"."geweldsvorm" AS ENUM('partnergeweld', 'ex_partnergeweld', 'kindermishandeling_lichamelijk', 'kindermishandeling_psychisch', 'kindermishandeling_seksueel', 'verwaarlozing', 'getuige_partnergeweld', 'ouderenmishandeling', 'financieel_misbruik', 'oudermishandeling', 'eergerelateerd_geweld', 'huwelijksdwang', 'achterlating', 'vgv', 'mensenhandel_seksueel', 'mensenhandel_arbeid', 'mensenhandel_crimineel', 'mensenhandel_overig', 'stalking', 'seksueel_geweld', 'overig');--> statement-breakpoint
CREATE TYPE "public"."melder_rol" AS ENUM('omstander', 'slachtoffer', 'pleger', 'familie');--> statement-breakpoint
CREATE TYPE "public"."melder_type" AS ENUM('professional', 'niet_professional');--> statement-breakpoint
CREATE TYPE "public"."melding_kanaal" AS ENUM('telefoon', 'mail', 'ketenpartner', 'balie');--> statement-breakpoint
CREATE TYPE "public"."melding_status" AS ENUM('ontvangen', 'triage_voorgesteld', 'beoordeeld', 'crisis', 'mdo', 'onderzoek', 'vv', 'overdracht', 'monitoring', 'afgesloten');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('adviseur', 'beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'medewerker', 'manager', 'wijkteam', 'privacy_officer', 'beheerder');--> statement-breakpoint
CREATE TYPE "public"."route" AS ENUM('crisisteam', 'mdo', 'wijkteam', 'afsluiten');--> statement-breakpoint
CREATE TYPE "public"."sector" AS ENUM('politie', 'zorg', 'ggz', 'onderwijs', 'jeugdhulp', 'kinderopvang', 'overig');--> statement-breakpoint
CREATE TYPE "public"."team_kind" AS ENUM('advieslijn', 'beoordeling', 'crisisteam', 'mdo', 'onderzoek', 'monitoring', 'wijkteam');--> statement-breakpoint
CREATE TYPE "public"."urgency" AS ENUM('acuut', 'niet_acuut');--> statement-breakpoint
CREATE TYPE "public"."vrager_type" AS ENUM('professional', 'omstander', 'slachtoffer', 'pleger', 'familie', 'onbekend');--> statement-breakpoint
CREATE TABLE "adviezen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"kanaal" "advies_kanaal" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"vrager_type" "vrager_type" NOT NULL,
	"sector" "sector",
	"anoniem" boolean NOT NULL,
	"vrager_naam" text,
	"vrager_telefoon" text,
	"vrager_email" text,
	"vrager_organisatie" text,
	"geweldsvormen" "geweldsvorm"[] DEFAULT '{}' NOT NULL,
	"samenvatting" text NOT NULL,
	"advies_gegeven" text NOT NULL,
	"uitkomst" "advies_uitkomst" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adviezen_reference_unique" UNIQUE("reference"),
	CONSTRAINT "adviezen_anoniem_zonder_vrager" CHECK (not "adviezen"."anoniem" or ("adviezen"."vrager_naam" is null and "adviezen"."vrager_telefoon" is null and "adviezen"."vrager_email" is null and "adviezen"."vrager_organisatie" is null))
);
--> statement-breakpoint
CREATE TABLE "api_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"naam" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_clients_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_type" text NOT NULL,
	"on_behalf_of" text,
	"role" text,
	"action" "audit_action" NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"purpose" text,
	"result" "audit_result" NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "beoordelingen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"voorstel_id" uuid,
	"proposed_route" "route",
	"proposed_band" "band",
	"proposed_route_rule" text,
	"rules_version" text,
	"route" "route" NOT NULL,
	"band" "band" NOT NULL,
	"override" boolean NOT NULL,
	"reason" text,
	"decided_by" uuid NOT NULL,
	"team_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "betrokkenen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"volgorde" smallint NOT NULL,
	"rol" "betrokkene_rol" NOT NULL,
	"voornaam" text NOT NULL,
	"achternaam" text NOT NULL,
	"geboortedatum" date
);
--> statement-breakpoint
CREATE TABLE "extra_niet_werkdagen" (
	"datum" date PRIMARY KEY NOT NULL,
	"omschrijving" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gemeenten" (
	"code" varchar(6) PRIMARY KEY NOT NULL,
	"naam" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" smallint NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "melding_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"melding_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" "event_type" NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meldingen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" "melding_status" DEFAULT 'ontvangen' NOT NULL,
	"kanaal" "melding_kanaal" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid,
	"created_by_client_id" uuid,
	"advies_id" uuid,
	"melder_type" "melder_type" NOT NULL,
	"melder_rol" "melder_rol",
	"melder_sector" "sector",
	"melder_naam" text NOT NULL,
	"melder_organisatie" text,
	"melder_telefoon" text,
	"melder_email" text,
	"anoniem_naar_huishouden" boolean NOT NULL,
	"straat" text NOT NULL,
	"huisnummer" text NOT NULL,
	"postcode" text NOT NULL,
	"plaats" text NOT NULL,
	"gemeente_code" varchar(6) NOT NULL,
	"postcode_norm" text NOT NULL,
	"huisnummer_norm" text NOT NULL,
	"geweldsvormen" "geweldsvorm"[] DEFAULT '{}' NOT NULL,
	"veiligheid" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"toelichting" text DEFAULT '' NOT NULL,
	"team_id" uuid,
	"assigned_to" uuid[] DEFAULT '{}' NOT NULL,
	"beoordeling_due_date" date NOT NULL,
	"beoordeling_due_at" timestamp with time zone NOT NULL,
	"response_due_at" timestamp with time zone,
	"triage_requested" integer DEFAULT 1 NOT NULL,
	"triage_run" integer DEFAULT 0 NOT NULL,
	"urgency" "urgency",
	"band" "band",
	"priority" smallint,
	"route" "route",
	"route_rule" text,
	"factors" jsonb,
	"rules_version" text,
	"eerdere_meldingen" integer,
	"proposed_at" timestamp with time zone,
	CONSTRAINT "meldingen_reference_unique" UNIQUE("reference"),
	CONSTRAINT "meldingen_advies_id_unique" UNIQUE("advies_id"),
	CONSTRAINT "meldingen_priority_range" CHECK ("meldingen"."priority" is null or "meldingen"."priority" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"aggregate_id" uuid NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"kind" varchar(1) NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "reference_counters_kind_year_pk" PRIMARY KEY("kind","year")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "team_kind" NOT NULL,
	"naam" text NOT NULL,
	"gemeente_code" varchar(6),
	CONSTRAINT "teams_wijkteam_has_gemeente" CHECK (("teams"."kind" = 'wijkteam') = ("teams"."gemeente_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "triage_voorstellen" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"melding_id" uuid NOT NULL,
	"run" integer NOT NULL,
	"urgency" "urgency" NOT NULL,
	"band" "band" NOT NULL,
	"priority" smallint NOT NULL,
	"route" "route" NOT NULL,
	"route_rule" text NOT NULL,
	"factors" jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"eerdere_meldingen" integer NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"naam" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" "role"[] NOT NULL,
	"team_id" uuid,
	"gemeente_code" varchar(6),
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "adviezen" ADD CONSTRAINT "adviezen_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beoordelingen" ADD CONSTRAINT "beoordelingen_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beoordelingen" ADD CONSTRAINT "beoordelingen_voorstel_id_triage_voorstellen_id_fk" FOREIGN KEY ("voorstel_id") REFERENCES "public"."triage_voorstellen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beoordelingen" ADD CONSTRAINT "beoordelingen_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beoordelingen" ADD CONSTRAINT "beoordelingen_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "betrokkenen" ADD CONSTRAINT "betrokkenen_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melding_events" ADD CONSTRAINT "melding_events_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_created_by_client_id_api_clients_id_fk" FOREIGN KEY ("created_by_client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_advies_id_adviezen_id_fk" FOREIGN KEY ("advies_id") REFERENCES "public"."adviezen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_gemeente_code_gemeenten_code_fk" FOREIGN KEY ("gemeente_code") REFERENCES "public"."gemeenten"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_gemeente_code_gemeenten_code_fk" FOREIGN KEY ("gemeente_code") REFERENCES "public"."gemeenten"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_voorstellen" ADD CONSTRAINT "triage_voorstellen_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_gemeente_code_gemeenten_code_fk" FOREIGN KEY ("gemeente_code") REFERENCES "public"."gemeenten"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adviezen_started_idx" ON "adviezen" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "audit_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id","at");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "beoordelingen_melding_idx" ON "beoordelingen" USING btree ("melding_id","decided_at");--> statement-breakpoint
CREATE INDEX "betrokkenen_melding_idx" ON "betrokkenen" USING btree ("melding_id");--> statement-breakpoint
CREATE INDEX "betrokkenen_persoon_idx" ON "betrokkenen" USING btree (lower("voornaam"),lower("achternaam"),"geboortedatum");--> statement-breakpoint
CREATE INDEX "idempotency_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "melding_events_melding_idx" ON "melding_events" USING btree ("melding_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "melding_events_triage_run_uq" ON "melding_events" USING btree ("melding_id",(("data" ->> 'run')::int)) WHERE "melding_events"."type" = 'triage_voorgesteld';--> statement-breakpoint
CREATE INDEX "meldingen_status_idx" ON "meldingen" USING btree ("status");--> statement-breakpoint
CREATE INDEX "meldingen_received_idx" ON "meldingen" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "meldingen_team_idx" ON "meldingen" USING btree ("team_id","status");--> statement-breakpoint
CREATE INDEX "meldingen_adres_idx" ON "meldingen" USING btree ("postcode_norm","huisnummer_norm","received_at");--> statement-breakpoint
CREATE INDEX "meldingen_gemeente_idx" ON "meldingen" USING btree ("gemeente_code");--> statement-breakpoint
CREATE INDEX "meldingen_triage_pending_idx" ON "meldingen" USING btree ("updated_at") WHERE "meldingen"."triage_run" < "meldingen"."triage_requested";--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE "outbox"."dispatched_at" is null;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_kind_gemeente_uq" ON "teams" USING btree ("kind",coalesce("gemeente_code", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "triage_voorstellen_run_uq" ON "triage_voorstellen" USING btree ("melding_id","run");