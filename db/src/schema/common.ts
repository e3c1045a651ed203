// What the tables share: the Postgres enums (from the code lists in ../domain/codes.ts), the column helpers and the
// SQL expressions of the dashboard's waiting intervals and the werkvoorraad deadline.
import { customType, pgEnum, timestamp } from 'drizzle-orm/pg-core';
import * as c from '../domain/codes.ts';

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A Postgres tstzrange, as its text (only the database reads it: the dashboard's waiting intervals). */
export const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => 'tstzrange' });

// The waiting lists of the manager dashboard (domain.md, "Waiting lists") as intervals: an item is on a list at
// moment T exactly when its interval holds T. Written once here for both the GiST indexes below and the dashboard's
// queries (repositories/dashboard.ts), which must use the very same expression for the index to serve them. `a` is
// a table alias with its dot. An interval whose end lies before its start is empty; one without an end is open.
/** SQL text: the moment an Amsterdam calendar date begins (`date` a column or a parenthesised expression). */
export const amsterdamMidnight = (date: string) => `(${date}::timestamp at time zone 'Europe/Amsterdam')`;
/** SQL text: an instant as the API writes it, ISO-8601 UTC with milliseconds ('2026-12-01T15:45:00.000Z'). */
export const isoInstant = (instant: string) => `to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The deadline a werkvoorraad item runs against: the lifecycle clock, else the acute response, else the beoordeling. */
export const werkvoorraadDue = 'coalesce(clock_due_at, response_due_at, beoordeling_due_at)';
/** SQL text: which clock a case runs on in its status (domain/deadlines.ts, `klokVan`; same table). */
export const werkvoorraadKlok = `case
  when status in ('ontvangen', 'triage_voorgesteld') then case when response_due_at is not null then 'acute_reactie' else 'beoordeling' end
  when status = 'crisis' then 'acute_reactie'
  when status = 'mdo' then 'mdo'
  when status = 'onderzoek' then case when exists (select 1 from onderzoeken o where o.melding_id = meldingen.id and o.afgerond_at is null and o.started_at is not null) then 'onderzoek' else 'start_onderzoek' end
  when status in ('vv', 'monitoring') then 'controle'
  when status = 'overdracht' then 'overdracht_acceptatie'
end`;
const span = (from: string, until: string, bounds: '[)' | '()') =>
  `tstzrange(${from}, case when ${until} is null then null else greatest(${from}, ${until}) end, '${bounds}')`;
/**
 * Past beoordelingDueAt (strictly) and no beoordeling yet (strictly before T counts as done). Stored on the melding
 * as a generated column, meldingen.beoordeling_wacht, whose GiST index carries receipt, team and gemeente: the
 * counts (and a five-year trend of them) are answered from the index alone (its index is in db/drizzle/0000_baseline.sql).
 */
export const beoordelingWachtSpan = span('beoordeling_due_at', 'first_beoordeling_at', '()');
export const waitInterval = {
  /** The melding's stored beoordeling_wacht (beoordelingWachtSpan). */
  beoordelingOverdue: (a = '') => `${a}beoordeling_wacht`,
  /** From the besluit until the day the onderzoek starts (or it is closed without one). */
  wachtlijstOnderzoek: (a = '') => span(`${a}besluit_at`, `least(${amsterdamMidnight(`${a}started_at`)}, ${a}afgerond_at)`, '[)'),
  /** From the day after the due date until it is finished (only onderzoeken that started: due_date set). */
  onderzoekOverdue: (a = '') => span(amsterdamMidnight(`(${a}due_date + 1)`), `${a}afgerond_at`, '[)'),
  /** From sending until the wijkteam accepts or sends it back. */
  overdrachtPending: (a = '') => span(`${a}created_at`, `${a}decided_at`, '[)'),
  /** From the day after the checkpoint's date until it is recorded. */
  monitoringDue: (a = '') => span(amsterdamMidnight(`(${a}due_date + 1)`), `${a}recorded_at`, '[)'),
};

export const adviesKanaalEnum = pgEnum('advies_kanaal', c.adviesKanalen);
export const meldingKanaalEnum = pgEnum('melding_kanaal', c.meldingKanalen);
/** What became of a chain message (stored; `dubbel` is only ever an answer). */
export const ketenberichtStatusEnum = pgEnum('ketenbericht_status', c.ketenberichtStatussen);
export const vragerTypeEnum = pgEnum('vrager_type', c.vragerTypes);
export const sectorEnum = pgEnum('sector', c.sectoren);
export const beroepEnum = pgEnum('beroep', c.beroepen);
export const duurGeweldEnum = pgEnum('duur_geweld', c.duurGeweld);
export const eerdereBetrokkenheidEnum = pgEnum('eerdere_betrokkenheid', c.eerdereBetrokkenheden);
export const vbUitkomstEnum = pgEnum('vb_uitkomst', c.vbUitkomsten);
export const melderTypeEnum = pgEnum('melder_type', c.melderTypes);
export const melderRolEnum = pgEnum('melder_rol', c.melderRollen);
export const adviesUitkomstEnum = pgEnum('advies_uitkomst', c.adviesUitkomsten);
export const betrokkeneRolEnum = pgEnum('betrokkene_rol', c.betrokkeneRollen);
export const geweldsvormEnum = pgEnum('geweldsvorm', c.geweldsvormen);
export const meldingStatusEnum = pgEnum('melding_status', c.meldingStatussen);
export const urgencyEnum = pgEnum('urgency', c.urgencies);
export const bandEnum = pgEnum('band', c.bands);
export const routeEnum = pgEnum('route', c.routes);
export const teamKindEnum = pgEnum('team_kind', c.teamKinds);
export const roleEnum = pgEnum('role', c.roles);
export const eventTypeEnum = pgEnum('event_type', c.eventTypes);
export const auditActionEnum = pgEnum('audit_action', c.auditActions);
export const auditResultEnum = pgEnum('audit_result', c.auditResults);
export const overdrachtStatusEnum = pgEnum('overdracht_status', c.overdrachtStatussen);
export const monitoringStatusEnum = pgEnum('monitoring_status', c.monitoringStatussen);
