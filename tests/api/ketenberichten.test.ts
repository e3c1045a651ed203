// Chain messages in bulk (issue #20, acceptance 3; api.md "Meldingen from outside"): a batch of 500 with 10 bad
// messages and 20 duplicates gives 470 created, 20 duplicate and 10 rejected, in the order sent; a replay of the whole
// batch creates nothing new; a message id is the partner's own; two batches racing for the same ids create each
// melding once; and every created melding is announced to the triage once (its outbox row).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '@vt/db';
import { createTestApp, login, partnerHeaders, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

type Resultaat = { berichtId: string | null; status: 'aangemaakt' | 'dubbel' | 'afgewezen'; meldingId?: string; reference?: string; details?: { path: string; message: string }[] };

let t: TestContext;
const OTHER_KEY = 'andere-partner-key';
const other = { authorization: `Bearer ${OTHER_KEY}` };

beforeAll(async () => {
  t = await createTestApp();
  await t.db.handle.db.execute(sql`insert into api_clients (naam, key_hash, scopes) values ('Politie Oost (tweede koppeling)', ${sha256(OTHER_KEY)}, '{meldingen:create,ketenberichten}')`);
});
afterAll(() => t.close());

async function send(berichten: unknown[], headers: Record<string, string> = partnerHeaders) {
  const res = await t.app.inject({ method: 'POST', url: '/api/ketenberichten', payload: { berichten }, headers });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return (res.json() as { resultaten: Resultaat[] }).resultaten;
}

const count = async () => (await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from meldingen`))[0]!.n;
const tally = (rs: Resultaat[]) => ({ aangemaakt: rs.filter((r) => r.status === 'aangemaakt').length, dubbel: rs.filter((r) => r.status === 'dubbel').length, afgewezen: rs.filter((r) => r.status === 'afgewezen').length });
const bericht = (berichtId: string, overrides: Record<string, unknown> = {}) => ({ berichtId, melding: meldingBody({ toelichting: `Bericht ${berichtId}.`, ...overrides }) });

/** The ten bad messages, each wrong in its own way, with the path its rejection must name. */
const bad: [unknown, string][] = [
  [{ melding: meldingBody() }, '/berichten/{i}/berichtId'],
  [{ berichtId: 'met spatie', melding: meldingBody() }, '/berichten/{i}/berichtId'],
  [{ berichtId: 'zonder-melding' }, '/berichten/{i}/melding'],
  [bericht('onbekende-gemeente', { huishouden: { adres: { straat: 'Teststraat', huisnummer: '1', postcode: '7511 AB', plaats: 'Nergens' }, gemeente: 'GM9999' } }), '/berichten/{i}/melding/huishouden/gemeente'],
  [bericht('toekomst', { receivedAt: new Date(Date.now() + 86_400_000).toISOString() }), '/berichten/{i}/melding/receivedAt'],
  [bericht('stuurteken', { toelichting: 'kapot\u0000' }), '/berichten/{i}/melding/toelichting'],
  [bericht('geen-betrokkenen', { betrokkenen: [] }), '/berichten/{i}/melding/betrokkenen'],
  [bericht('onbekend-veld', { extra: true }), '/berichten/{i}/melding/extra'],
  ['hallo', '/berichten/{i}'],
  [bericht('rol-bij-professional', { melder: { type: 'professional', sector: 'politie', rol: 'buur', naam: 'Agent', anoniemNaarHuishouden: false } }), '/berichten/{i}/melding/melder/rol'],
];

describe('POST /api/ketenberichten', () => {
  const batch: unknown[] = [];
  const expected: Resultaat['status'][] = [];
  let first: Resultaat[] = [];
  let earlier: Resultaat[] = [];

  it('answers a batch of 500 with 10 bad messages and 20 duplicates: 470 created, 20 duplicate, 10 rejected, in the order sent', async () => {
    // Ten messages sent the day before: their ids come back in the big batch.
    earlier = await send(Array.from({ length: 10 }, (_, i) => bericht(`gisteren-${i}`)));
    expect(tally(earlier)).toEqual({ aangemaakt: 10, dubbel: 0, afgewezen: 0 });
    let n = 0;
    for (let i = 0; i < 500; i++) {
      if (i % 50 === 7) {
        batch.push(bad[n % 10]![0]);
        expected.push('afgewezen');
        n++;
      } else if (i % 50 === 13) {
        batch.push(bericht(`gisteren-${Math.floor(i / 50)}`)); // a replay of yesterday's
        expected.push('dubbel');
      } else if (i % 50 === 29) {
        batch.push(bericht(`nieuw-${i - 20}`)); // the same message twice in this batch
        expected.push('dubbel');
      } else {
        batch.push(bericht(`nieuw-${i}`));
        expected.push('aangemaakt');
      }
    }
    const before = await count();
    first = await send(batch);
    expect(tally(first)).toEqual({ aangemaakt: 470, dubbel: 20, afgewezen: 10 });
    expect(first.map((r) => r.status)).toEqual(expected);
    expect(await count()).toBe(before + 470);
    // Each result names its message, and a duplicate the melding its first message created.
    first.forEach((r, i) => {
      const sent = batch[i] as { berichtId?: unknown };
      if (typeof sent === 'object' && typeof sent.berichtId === 'string') expect(r.berichtId).toBe(sent.berichtId);
      if (r.status !== 'afgewezen') expect(r.meldingId).toMatch(/^[0-9a-f-]{36}$/);
    });
    expect(first[13]!.meldingId).toBe(earlier[0]!.meldingId);
    expect(first[29]!.meldingId).toBe(first[9]!.meldingId);
    expect(first[29]!.reference).toBe(first[9]!.reference);
    // Each rejection says where, in the contract's error details, and nothing else is lost by it.
    first.forEach((r, i) => {
      if (r.status !== 'afgewezen') return;
      const path = bad[Math.floor(i / 50)]![1].replace('{i}', String(i));
      expect(r.details?.map((d) => d.path), `message ${i}`).toContain(path);
      expect(r.meldingId).toBeUndefined();
    });
  });

  it('creates nothing new when the whole batch is sent again', async () => {
    const before = await count();
    const again = await send(batch);
    expect(tally(again)).toEqual({ aangemaakt: 0, dubbel: 490, afgewezen: 10 });
    expect(await count()).toBe(before);
    again.forEach((r, i) => {
      if (r.status === 'dubbel') expect(r.meldingId).toBe(first[i]!.meldingId);
    });
    // Every melding of the batch is announced to the triage exactly once.
    const ids = first.filter((r) => r.status === 'aangemaakt').map((r) => r.meldingId!);
    const [o] = await t.db.handle.db.execute<{ n: number; distinct: number }>(sql`
      select count(*)::int as n, count(distinct aggregate_id)::int as distinct from outbox where topic = 'melding.received' and aggregate_id = any(${`{${ids.join(',')}}`}::uuid[])`);
    expect(o).toEqual({ n: 470, distinct: 470 });
  });

  it('tells a replay with other content that the first message holds', async () => {
    const [r] = await send([bericht('nieuw-0', { toelichting: 'Gewijzigde tekst.' })]);
    expect(r!.status).toBe('dubbel');
    expect(r!.meldingId).toBe(first[0]!.meldingId);
    expect(r!.details?.[0]?.path).toBe('/berichten/0/melding');
  });

  it('takes a rejected message again under its id once it is corrected', async () => {
    const [r] = await send([bericht('onbekende-gemeente')]);
    expect(r!.status).toBe('aangemaakt');
    const status = await t.app.inject({ url: '/api/ketenberichten/onbekende-gemeente', headers: partnerHeaders });
    expect(status.json()).toMatchObject({ berichtId: 'onbekende-gemeente', status: 'aangemaakt', meldingId: r!.meldingId });
  });

  it('lets the partner fetch a message’s result later, and only its own', async () => {
    const created = await t.app.inject({ url: '/api/ketenberichten/nieuw-0', headers: partnerHeaders });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ berichtId: 'nieuw-0', status: 'aangemaakt', meldingId: first[0]!.meldingId, reference: first[0]!.reference });
    const rejected = await t.app.inject({ url: '/api/ketenberichten/toekomst', headers: partnerHeaders });
    expect(rejected.json()).toMatchObject({ status: 'afgewezen' });
    expect((rejected.json() as Resultaat).details?.[0]?.path).toMatch(/^\/berichten\/\d+\/melding\/receivedAt$/);
    expect((await t.app.inject({ url: '/api/ketenberichten/bestaat-niet', headers: partnerHeaders })).statusCode).toBe(404);
    // Another partner: the same id is not its message, and under its own key the id is free.
    expect((await t.app.inject({ url: '/api/ketenberichten/nieuw-0', headers: other })).statusCode).toBe(404);
    const [mine] = await send([bericht('nieuw-0')], other);
    expect(mine!.status).toBe('aangemaakt');
    expect(mine!.meldingId).not.toBe(first[0]!.meldingId);
  });

  it('creates each melding once when two batches race for the same ids', async () => {
    const race = Array.from({ length: 20 }, (_, i) => bericht(`race-${i}`));
    const before = await count();
    const [a, b] = await Promise.all([send(race), send(race)]);
    expect(await count()).toBe(before + 20);
    for (let i = 0; i < 20; i++) {
      expect([a![i]!.status, b![i]!.status].sort()).toEqual(['aangemaakt', 'dubbel']);
      expect(a![i]!.meldingId).toBe(b![i]!.meldingId);
    }
  });

  it('refuses a batch of more than 500, an empty one, and staff sessions', async () => {
    const tooMany = await t.app.inject({ method: 'POST', url: '/api/ketenberichten', payload: { berichten: Array.from({ length: 501 }, (_, i) => bericht(`x-${i}`)) }, headers: partnerHeaders });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'VALIDATION' });
    expect((await t.app.inject({ method: 'POST', url: '/api/ketenberichten', payload: { berichten: [] }, headers: partnerHeaders })).statusCode).toBe(400);
    // A message id Postgres could not hold (found by the fuzzer): that message rejected, the batch answered.
    const [nul] = await send([{ berichtId: '\u0000', melding: meldingBody() }]);
    expect(nul!.status).toBe('afgewezen');
    expect(nul!.details?.[0]?.path).toBe('/berichten/0/berichtId');
    const chef = await login(t.app, 'chef@demo.test');
    expect((await t.app.inject({ method: 'POST', url: '/api/ketenberichten', payload: { berichten: [bericht('chef-1')] }, headers: chef.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/ketenberichten/nieuw-0', headers: chef.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/ketenberichten', payload: { berichten: [bericht('anoniem-1')] } })).statusCode).toBe(401);
  });
});
