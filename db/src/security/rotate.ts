// Key rotation for data at rest: re-seals every sealed (or still plain) value under the current key of `cipher`, and
// rebuilds every blind index not made with the current index key, in batches, reporting how many values changed.
// Run it after putting a new key first in DATA_ENCRYPTION_KEYS or BLIND_INDEX_KEYS; once it reports nothing left,
// the old key can be removed from its list. It also seals and indexes rows written before sealing was switched on.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { adresSleutel, persoonSleutel } from '../domain/radar.ts';
import type { FieldCipher } from './cipher.ts';
import { FREE_TEXT_EVENT_KEYS } from './field-cipher.ts';

/** Every column that holds sealed free text or identifying data (schema.ts: sealedText). */
export const SEALED_COLUMNS: { table: string; columns: string[] }[] = [
  { table: 'adviezen', columns: ['samenvatting', 'advies_gegeven', 'vrager_naam', 'vrager_telefoon', 'vrager_email', 'vrager_organisatie'] },
  { table: 'meldingen', columns: ['toelichting', 'melder_naam', 'melder_organisatie', 'melder_telefoon', 'melder_email', 'straat', 'huisnummer', 'postcode', 'plaats'] },
  { table: 'betrokkenen', columns: ['voornaam', 'achternaam'] },
  { table: 'beoordelingen', columns: ['reason'] },
  { table: 'overdrachten', columns: ['toelichting', 'veiligheidsvoorwaarden', 'reden'] },
  { table: 'break_glass_grants', columns: ['reden'] },
  { table: 'vernietigingsverzoeken', columns: ['reden', 'besluit_reden'] },
  { table: 'code_rood', columns: ['toelichting', 'uitkomst'] },
  { table: 'vv_voorwaarden', columns: ['omschrijving', 'toezichthouder', 'toelichting'] },
  { table: 'terugkoppelingen', columns: ['notitie', 'bericht'] },
  { table: 'rol_aanvragen', columns: ['reden'] },
];

export interface RotationReport {
  resealed: number;
  byTable: Record<string, number>;
  currentKeyId: string;
  /** Blind indexes rebuilt under the current index key. */
  reindexed: number;
  reindexedByTable: { meldingen: number; betrokkenen: number };
  currentIndexKeyId: string;
}

export async function rotateKeys(db: DbOrTx, cipher: FieldCipher, opts: { batchSize?: number; onProgress?: (table: string, n: number) => void } = {}): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 500;
  const current = `enc1:${cipher.currentKeyId}:`;
  const reseal = (v: string) => cipher.encrypt(cipher.isSealed(v) ? cipher.decrypt(v) : v);
  const needs = (v: unknown): v is string => typeof v === 'string' && v !== '' && !v.startsWith(current);
  const byTable: Record<string, number> = {};

  for (const { table, columns } of SEALED_COLUMNS) {
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    const stale = sql.join(columns.map((c) => sql`(${sql.identifier(c)} <> '' and not starts_with(${sql.identifier(c)}, ${current}))`), sql` or `);
    for (;;) {
      const rows = await db.execute<Record<string, string | null> & { id: string }>(sql`
        select id::text as id, ${sql.join(columns.map((c) => sql.identifier(c)), sql`, `)} from ${sql.identifier(table)}
         where id > ${after}::uuid and (${stale}) order by id limit ${batchSize}`);
      if (!rows.length) break;
      for (const row of rows) {
        const sets = columns.filter((c) => needs(row[c])).map((c) => sql`${sql.identifier(c)} = ${reseal(row[c]!)}`);
        count += sets.length;
        if (sets.length) await db.execute(sql`update ${sql.identifier(table)} set ${sql.join(sets, sql`, `)} where id = ${row.id}::uuid`);
      }
      after = rows[rows.length - 1]!.id;
      opts.onProgress?.(table, count);
    }
    byTable[table] = count;
  }

  // The free text inside the case history (reasons, explanations): keyset over the bigserial id.
  let afterId = 0;
  let events = 0;
  const keys = sql.raw(`array[${FREE_TEXT_EVENT_KEYS.map((k) => `'${k}'`).join(',')}]`);
  for (;;) {
    const rows = await db.execute<{ id: number; data: Record<string, unknown> | string }>(sql`
      select id, data from melding_events where id > ${afterId} and data ?| ${keys} order by id limit ${batchSize}`);
    if (!rows.length) break;
    for (const row of rows) {
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
      const changed = FREE_TEXT_EVENT_KEYS.filter((k) => needs(data[k]));
      if (!changed.length) continue;
      for (const k of changed) data[k] = reseal(data[k] as string);
      events += changed.length;
      await db.execute(sql`update melding_events set data = ${JSON.stringify(data)}::jsonb where id = ${row.id}`);
    }
    afterId = Number(rows[rows.length - 1]!.id);
    opts.onProgress?.('melding_events', events);
  }
  byTable.melding_events = events;

  const reindexed = await reindex(db, cipher, batchSize, opts.onProgress);
  return {
    resealed: Object.values(byTable).reduce((a, b) => a + b, 0),
    byTable,
    currentKeyId: cipher.currentKeyId,
    reindexed: reindexed.meldingen + reindexed.betrokkenen,
    reindexedByTable: reindexed,
    currentIndexKeyId: cipher.currentIndexKeyId,
  };
}

/**
 * The radar's blind indexes rebuilt under the current index key, from the sealed values they index: every address
 * and person whose index names another key (or has none yet). Anonymised rows keep no index.
 */
async function reindex(db: DbOrTx, cipher: FieldCipher, batchSize: number, onProgress?: (table: string, n: number) => void) {
  const open = (v: string | null) => (v === null ? '' : cipher.isSealed(v) ? cipher.decrypt(v) : v);
  const current = `${cipher.currentIndexKeyId}:`;
  const out = { meldingen: 0, betrokkenen: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.execute<{ id: string; postcode: string; huisnummer: string; adres_index: string }>(sql`
      select id::text as id, postcode, huisnummer, adres_index from meldingen
       where id > ${after}::uuid and anonymised_at is null and not starts_with(adres_index, ${current}) order by id limit ${batchSize}`);
    if (!rows.length) break;
    for (const r of rows) {
      const postcode = open(r.postcode);
      if (!postcode) continue;
      await db.execute(sql`update meldingen set adres_index = ${cipher.blindIndex(adresSleutel(postcode, open(r.huisnummer)))} where id = ${r.id}::uuid`);
      out.meldingen++;
    }
    after = rows[rows.length - 1]!.id;
    onProgress?.('meldingen (index)', out.meldingen);
  }
  after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.execute<{ id: string; voornaam: string; achternaam: string; geboortedatum: string | null }>(sql`
      select id::text as id, voornaam, achternaam, geboortedatum::text as geboortedatum from betrokkenen
       where id > ${after}::uuid and geboortedatum is not null and (persoon_index is null or not starts_with(persoon_index, ${current}))
       order by id limit ${batchSize}`);
    if (!rows.length) break;
    for (const r of rows) {
      const key = persoonSleutel({ voornaam: open(r.voornaam), achternaam: open(r.achternaam), geboortedatum: r.geboortedatum });
      if (!key) continue;
      await db.execute(sql`update betrokkenen set persoon_index = ${cipher.blindIndex(key)} where id = ${r.id}::uuid`);
      out.betrokkenen++;
    }
    after = rows[rows.length - 1]!.id;
    onProgress?.('betrokkenen (index)', out.betrokkenen);
  }
  return out;
}
