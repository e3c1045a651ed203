// Retention (domain.md, Records): adviezen are kept 2 years, meldingen up to 20 years. After that the identifying
// data and the free text go, while what the statistics need stays (dates, channel, melder group and sector, forms
// of violence, gemeente, triage and decisions, outcomes). The same anonymisation carries out a granted
// destruction request before the term ends.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { FREE_TEXT_EVENT_KEYS } from '../security/field-cipher.ts';

export interface RetentionSettings {
  adviesYears: number;
  meldingYears: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { adviesYears: 2, meldingYears: 20 };

const ANONIEM = '[geanonimiseerd]';

/** Takes the personal data and free text out of one melding and everything hanging off it. Idempotent. */
export async function anonymiseMelding(tx: DbOrTx, meldingId: string, at: Date): Promise<void> {
  const when = at.toISOString();
  const dropKeys = sql.raw(FREE_TEXT_EVENT_KEYS.map((k) => `- '${k}'`).join(' '));
  await tx.execute(sql`
    with m as (
      update meldingen set melder_naam = ${ANONIEM}, melder_organisatie = null, melder_telefoon = null, melder_email = null,
        straat = '', huisnummer = '', postcode = '', plaats = '', adres_index = '', toelichting = '',
        anonymised_at = coalesce(anonymised_at, ${when}::timestamptz), updated_at = ${when}::timestamptz
      where id = ${meldingId}::uuid returning id),
    b as (update betrokkenen set voornaam = '', achternaam = '', geboortedatum = null, persoon_index = null where melding_id = ${meldingId}::uuid),
    e as (update melding_events set data = data ${dropKeys} where melding_id = ${meldingId}::uuid and data ?| ${sql.raw(`array[${FREE_TEXT_EVENT_KEYS.map((k) => `'${k}'`).join(',')}]`)}),
    bo as (update beoordelingen set reason = null where melding_id = ${meldingId}::uuid and reason is not null),
    o as (update overdrachten set toelichting = '', veiligheidsvoorwaarden = null, reden = null where melding_id = ${meldingId}::uuid),
    g as (update break_glass_grants set reden = ${ANONIEM} where melding_id = ${meldingId}::uuid),
    tk as (update terugkoppelingen set notitie = null, bericht = null where melding_id = ${meldingId}::uuid),
    sl as (update melder_statuslinks set revoked_at = coalesce(revoked_at, ${when}::timestamptz) where melding_id = ${meldingId}::uuid),
    cr as (update code_rood set toelichting = ${ANONIEM}, uitkomst = case when uitkomst is null then null else ${ANONIEM} end where melding_id = ${meldingId}::uuid),
    vw as (update vv_voorwaarden set omschrijving = ${ANONIEM}, toezichthouder = ${ANONIEM}, toelichting = null where melding_id = ${meldingId}::uuid)
    select count(*) from m`);
}

export interface RetentionReport {
  adviezen: number;
  meldingen: number;
}

/**
 * One retention pass at `now`: adviezen started more than `adviesYears` ago, and closed meldingen whose closing
 * lies more than `meldingYears` back, lose their personal data and free text. Open cases are never touched.
 */
export async function runRetention(db: DbOrTx, now: Date, s: RetentionSettings = DEFAULT_RETENTION, batchSize = 500): Promise<RetentionReport> {
  const adviezen = await db.execute<{ id: string }>(sql`
    update adviezen set vrager_naam = null, vrager_telefoon = null, vrager_email = null, vrager_organisatie = null,
      samenvatting = ${ANONIEM}, advies_gegeven = ${ANONIEM}, anonymised_at = ${now.toISOString()}::timestamptz
    where anonymised_at is null and started_at < ${now.toISOString()}::timestamptz - make_interval(years => ${s.adviesYears})
    returning id`);
  let meldingen = 0;
  for (;;) {
    const due = await db.execute<{ id: string }>(sql`
      select m.id from meldingen m
       where m.anonymised_at is null and m.status = 'afgesloten'
         and (select max(e.at) from melding_events e where e.melding_id = m.id and e.type = 'afgesloten')
             < ${now.toISOString()}::timestamptz - make_interval(years => ${s.meldingYears})
       limit ${batchSize}`);
    for (const { id } of due) await anonymiseMelding(db, id, now);
    meldingen += due.length;
    if (due.length < batchSize) break;
  }
  return { adviezen: adviezen.length, meldingen };
}
