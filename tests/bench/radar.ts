// `npm run bench:radar`: the radar (eerdereMeldingen) before and after identifying data was sealed (issue #14), in
// one run on one database, each as a triage run reads the melding and counts its earlier ones. Before (stop 12): the
// melding row, then its persons (roles, birth dates) and the count on the clear normalised address and lower-cased
// names sent together; kept here on scratch tables filled with the same households, with the indexes of then.
// After: the row with its persons in one statement, the sealed address and names opened, their blind indexes made
// under every configured key, then the count on the indexes.
// Prints a table and appends it to tests/bench/RESULTS.md with the date and commit.
import { sql } from 'drizzle-orm';
import { cachedKalender, countEerdereMeldingen, decodeJsonRow, decodeJsonRows, huishoudenVan, insertMelding, schema, useFieldCipher, type Actor } from '@vt/db';
import { amsterdamDate, normaliseHuisnummer, normalisePostcode, radarWindow } from '@vt/db/domain';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../support/database.ts';
import { testCipher } from '../support/env.ts';
import setup from '../support/global-setup.ts';
import { gitCommit, recordResults } from './record.ts';

const N = Number(process.env.BENCH_RADAR_MELDINGEN ?? 12_000);
const HOUSEHOLDS = Math.round(N / 3);
const SAMPLES = Number(process.env.BENCH_RADAR_SAMPLES ?? 2_000);

await setup();
useFieldCipher(testCipher);
const db = await createTestDatabase();
const d = db.handle.db;
const kalender = await cachedKalender(d)();
const actor: Actor = { type: 'system', id: null };

// A deterministic mix: every third melding comes back to an earlier household, by address or (a quarter) by person.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const households = Array.from({ length: HOUSEHOLDS }, (_, i) => ({
  adres: { straat: 'Benchstraat', huisnummer: `${1 + (i % 300)}${i % 7 === 0 ? ' a' : ''}`, postcode: `${7500 + Math.floor(i / 300)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i >> 3) % 26))}`, plaats: 'Enschede' },
  persoon: { rol: 'slachtoffer' as const, voornaam: `Naam${i}`, achternaam: `Achter${i % 997}`, geboortedatum: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}` },
}));
const start = Date.now() - 700 * 86_400_000;
console.log(`inserting ${N} meldingen over ${HOUSEHOLDS} households…`);
const ids: string[] = [];
for (let i = 0; i < N; i++) {
  const h = households[Math.floor(rnd() * HOUSEHOLDS)]!;
  const byPerson = rnd() < 0.25;
  const other = households[Math.floor(rnd() * HOUSEHOLDS)]!;
  const m = await insertMelding(
    d,
    {
      receivedAt: new Date(start + (i / N) * 690 * 86_400_000).toISOString(),
      kanaal: 'ketenpartner',
      melder: { type: 'professional', sector: 'politie', naam: 'Agent', anoniemNaarHuishouden: false },
      huishouden: { adres: byPerson ? other.adres : h.adres, gemeente: 'GM0153' },
      betrokkenen: [h.persoon, { rol: 'kind', voornaam: 'Kind', achternaam: h.persoon.achternaam }],
      geweldsvormen: ['partnergeweld'],
    },
    { actor, kalender },
  );
  ids.push(m.id);
}

// The clear-text tables of before, with the indexes the radar had (meldingen_adres_idx, betrokkenen_persoon_idx).
await d.execute(sql`create table radar_clear (id uuid primary key, postcode_norm text not null, huisnummer_norm text not null, received_at timestamptz not null)`);
await d.execute(sql`create table radar_clear_persons (melding_id uuid not null, voornaam text not null, achternaam text not null, geboortedatum date)`);
const rows = await d.select({ id: schema.meldingen.id, postcode: schema.meldingen.postcode, huisnummer: schema.meldingen.huisnummer, receivedAt: schema.meldingen.receivedAt }).from(schema.meldingen);
for (let i = 0; i < rows.length; i += 1000) {
  const chunk = rows.slice(i, i + 1000);
  await d.execute(sql`insert into radar_clear select * from jsonb_to_recordset(${JSON.stringify(chunk.map((r) => ({ id: r.id, postcode_norm: normalisePostcode(r.postcode), huisnummer_norm: normaliseHuisnummer(r.huisnummer), received_at: r.receivedAt.toISOString() })))}::jsonb) as x(id uuid, postcode_norm text, huisnummer_norm text, received_at timestamptz)`);
}
const persons = await d.select({ meldingId: schema.betrokkenen.meldingId, voornaam: schema.betrokkenen.voornaam, achternaam: schema.betrokkenen.achternaam, geboortedatum: schema.betrokkenen.geboortedatum }).from(schema.betrokkenen);
for (let i = 0; i < persons.length; i += 1000) {
  await d.execute(sql`insert into radar_clear_persons select * from jsonb_to_recordset(${JSON.stringify(persons.slice(i, i + 1000).map((p) => ({ melding_id: p.meldingId, voornaam: p.voornaam, achternaam: p.achternaam, geboortedatum: p.geboortedatum })))}::jsonb) as x(melding_id uuid, voornaam text, achternaam text, geboortedatum date)`);
}
await d.execute(sql`create index on radar_clear (postcode_norm, huisnummer_norm, received_at)`);
await d.execute(sql`create index on radar_clear_persons (melding_id)`);
await d.execute(sql`create index on radar_clear_persons (lower(voornaam), lower(achternaam), geboortedatum)`);
await d.execute(sql`vacuum analyze`);

const sample = Array.from({ length: SAMPLES }, () => ids[Math.floor(rnd() * ids.length)]!);

async function before(id: string) {
  const [m] = await d.execute<{ received_at: string; postcode_norm: string; huisnummer_norm: string }>(sql`select received_at::text, postcode_norm, huisnummer_norm from radar_clear where id = ${id}`);
  const w = radarWindow(new Date(m!.received_at));
  const [from, to] = [w.from.toISOString(), w.to.toISOString()];
  const [, r] = await Promise.all([
    d.select({ rol: schema.betrokkenen.rol, geboortedatum: schema.betrokkenen.geboortedatum }).from(schema.betrokkenen).where(eq(schema.betrokkenen.meldingId, id)),
    d.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select e.id from radar_clear e
       where e.postcode_norm = ${m!.postcode_norm} and e.huisnummer_norm = ${m!.huisnummer_norm}
         and e.received_at >= ${from}::timestamptz and e.received_at < ${to}::timestamptz and e.id <> ${id}
      union
      select e.id from radar_clear e
        join radar_clear_persons eb on eb.melding_id = e.id
        join radar_clear_persons tb on tb.melding_id = ${id}
       where lower(eb.voornaam) = lower(tb.voornaam) and lower(eb.achternaam) = lower(tb.achternaam)
         and eb.geboortedatum = tb.geboortedatum and tb.geboortedatum is not null
         and e.received_at >= ${from}::timestamptz and e.received_at < ${to}::timestamptz and e.id <> ${id}
    ) earlier`),
  ]);
  return r[0]!.n;
}

async function after(id: string) {
  const [row] = await d.execute<{ melding: unknown; persons: unknown }>(sql`
    select row_to_json(m) as melding, (select json_agg(b order by b.volgorde) from betrokkenen b where b.melding_id = m.id) as persons
      from meldingen m where m.id = ${id}::uuid`);
  const m = decodeJsonRow(schema.meldingen, row!.melding)!;
  return countEerdereMeldingen(d, id, m, huishoudenVan(m, decodeJsonRows(schema.betrokkenen, row!.persons)));
}

// Both find the same households, then each is timed over the same sample (warmed up first), alternating halves.
let mismatches = 0;
for (const id of sample.slice(0, 200)) if ((await before(id)) !== (await after(id))) mismatches++;
const time = async (f: (id: string) => Promise<number>, ids: string[]) => {
  const ms: number[] = [];
  for (const id of ids) {
    const t0 = performance.now();
    await f(id);
    ms.push(performance.now() - t0);
  }
  return ms;
};
const half = Math.floor(SAMPLES / 2);
const b = [...(await time(before, sample.slice(0, half))), ...(await time(before, sample.slice(half)))];
const a = [...(await time(after, sample.slice(0, half))), ...(await time(after, sample.slice(half)))];
const stat = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { mean: xs.reduce((x, y) => x + y, 0) / xs.length, p50: at(0.5), p95: at(0.95) };
};
const sb = stat(b);
const sa = stat(a);
const table = `
## Radar before and after sealing (${amsterdamDate(new Date())}, commit ${gitCommit()})

${N} meldingen over ${HOUSEHOLDS} households, ${SAMPLES} lookups each, one client; the same counts in ${200 - mismatches} of 200 checked.

| radar lookup | mean ms | p50 ms | p95 ms |
| --- | ---: | ---: | ---: |
| before: clear normalised address and lower(names) | ${sb.mean.toFixed(2)} | ${sb.p50.toFixed(2)} | ${sb.p95.toFixed(2)} |
| after: open sealed values, blind indexes (HMAC) | ${sa.mean.toFixed(2)} | ${sa.p50.toFixed(2)} | ${sa.p95.toFixed(2)} |

After / before (mean): ${(sa.mean / sb.mean).toFixed(2)}.
`;
console.log(table);
recordResults(table);
await db.drop();
if (mismatches) {
  console.error(`${mismatches} lookups counted differently`);
  process.exit(1);
}
process.exit(0);
