// Two Veilig Thuis regions on one deployment (issue #19, db/docs/multi-region.md): Twente (05) and IJsselland (04)
// share the database and the API, and neither sees anything of the other's cases — not through the case read, the
// lists, the history, a decision, the audit trail or the live events, and not even by SQL as the application's role.
// The demo data is Twente's; IJsselland gets its own staff and its own partner key.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '@vt/db';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';
import { TEST_DATA_KEYS, TEST_INDEX_KEYS } from '../support/env.ts';
import { openEvents, signIn } from '../support/sse.ts';

const IJSSELLAND_KEY = 'ijsselland-politie-key';
const ijsselland = { authorization: `Bearer ${IJSSELLAND_KEY}` };

let t: TestContext;
let base = '';
const staff: Record<'twente' | 'ijsselland', Record<'chef' | 'beoordelaar' | 'adviseur' | 'privacy', Session>> = { twente: {}, ijsselland: {} } as never;
let twenteCase = { id: '', reference: '' };
let ijssellandCase = { id: '', reference: '' };
let twenteAdvies = { id: '', reference: '' };

async function file(headers: Record<string, string>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; reference: string };
}

beforeAll(async () => {
  t = await createTestApp({ regios: ['05', '04'] });
  const owner = t.db.handle.db;
  // What was there (the demo) is Twente's, as an operator assigns it when a second region joins.
  for (const table of ['users', 'api_clients', 'meldingen', 'adviezen', 'mdo_overleggen', 'audit_log']) await owner.execute(sql.raw(`update ${table} set regio = '05'`));
  // IJsselland's staff: the same roles, their own accounts.
  await owner.execute(sql`
    insert into users (email, naam, password_hash, roles, team_id, gemeente_code, regio)
    select replace(email, '@demo.test', '@ijsselland.test'), naam || ' (IJsselland)', password_hash, roles, team_id, gemeente_code, '04'
    from users where email in ('chef@demo.test', 'beoordelaar@demo.test', 'adviseur@demo.test', 'privacy@demo.test')`);
  await owner.execute(sql`insert into api_clients (naam, key_hash, scopes, regio) values ('Politie IJsselland', ${sha256(IJSSELLAND_KEY)}, '{meldingen:create}', '04')`);
  for (const [regio, domain] of [['twente', 'demo.test'], ['ijsselland', 'ijsselland.test']] as const) {
    for (const role of ['chef', 'beoordelaar', 'adviseur', 'privacy'] as const) staff[regio][role] = await login(t.app, `${role}@${domain}`);
  }
  twenteCase = await file(partnerHeaders);
  ijssellandCase = await file(ijsselland);
  const advies = await t.app.inject({ method: 'POST', url: '/api/adviezen', payload: adviesBody(), headers: staff.twente.adviseur.headers });
  expect(advies.statusCode).toBe(201);
  twenteAdvies = advies.json() as { id: string; reference: string };
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const other = { twente: () => ijssellandCase, ijsselland: () => twenteCase } as const;
const own = { twente: () => twenteCase, ijsselland: () => ijssellandCase } as const;

describe('two regions on one deployment', () => {
  it('stores each melding in the region of the partner that filed it, and an advies in its adviseur’s', async () => {
    const rows = await t.db.handle.db.execute<{ id: string; regio: string }>(sql`select id, regio from meldingen where id in (${twenteCase.id}, ${ijssellandCase.id})`);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.regio]))).toEqual({ [twenteCase.id]: '05', [ijssellandCase.id]: '04' });
    const [a] = await t.db.handle.db.execute<{ regio: string }>(sql`select regio from adviezen where id = ${twenteAdvies.id}`);
    expect(a!.regio).toBe('05');
  });

  for (const regio of ['twente', 'ijsselland'] as const) {
    it(`${regio}: the other region’s case is not found by any route, its own is`, async () => {
      const theirs = other[regio]();
      const mine = own[regio]();
      const { chef, beoordelaar } = staff[regio];
      expect((await t.app.inject({ url: `/api/meldingen/${theirs.id}`, headers: chef.headers })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/api/meldingen/${mine.id}`, headers: chef.headers })).statusCode).toBe(200);
      expect((await t.app.inject({ url: `/api/meldingen/${theirs.id}/historie`, headers: chef.headers })).statusCode).toBe(404);
      const decide = await t.app.inject({ method: 'POST', url: `/api/meldingen/${theirs.id}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'afsluiten', band: 'P4', reason: 'Poging uit een andere regio.' } });
      expect(decide.statusCode).toBe(404);
      // Lists and the work queue: the own case is there, nothing of the other's (id nor reference) anywhere.
      for (const url of ['/api/werkvoorraad', '/api/meldingen?pageSize=200', `/api/adviezen?pageSize=200`]) {
        const res = await t.app.inject({ url, headers: chef.headers });
        expect(res.statusCode, url).toBe(200);
        expect(res.body.includes(theirs.id) || res.body.includes(theirs.reference), url).toBe(false);
        if (url !== '/api/adviezen?pageSize=200') expect(res.body.includes(mine.id), url).toBe(true);
      }
      const search = await t.app.inject({ url: `/api/meldingen?reference=${theirs.reference}`, headers: chef.headers });
      expect(search.body.includes(theirs.id)).toBe(false);
    });
  }

  it('keeps the advies, its audit trail and the decision made on it in the region', async () => {
    expect((await t.app.inject({ url: `/api/adviezen/${twenteAdvies.id}`, headers: staff.ijsselland.adviseur.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/adviezen/${twenteAdvies.id}`, headers: staff.twente.adviseur.headers })).statusCode).toBe(200);
    // The privacy officer of each region reads its own region's access log only: IJsselland's shows its own staff's
    // attempts on the Twente case (not found), never Twente's own reads of it; Twente's shows those, not IJsselland's.
    type Entry = { actorId: string | null; result: string; subject: { type: string; id: string | null } };
    const entries = async (who: Session, q = '') => {
      const res = await t.app.inject({ url: `/api/audit${q}`, headers: who.headers });
      expect(res.statusCode).toBe(200);
      return (res.json() as { entries: Entry[] }).entries;
    };
    const ids = async (regio: string) => new Set((await t.db.handle.db.execute<{ id: string }>(sql`select id from users where regio = ${regio} union all select id from api_clients where regio = ${regio}`)).map((r) => r.id));
    const [twenteActors, ijActors] = [await ids('05'), await ids('04')];
    const ijOnCase = await entries(staff.ijsselland.privacy, `?meldingId=${twenteCase.id}`);
    expect(ijOnCase.length).toBeGreaterThan(0);
    expect(ijOnCase.every((e) => e.result === 'not_found' && ijActors.has(e.actorId!))).toBe(true);
    const twOnCase = await entries(staff.twente.privacy, `?meldingId=${twenteCase.id}`);
    expect(twOnCase.some((e) => e.result === 'success')).toBe(true);
    expect(twOnCase.every((e) => twenteActors.has(e.actorId!))).toBe(true);
    const ijAll = await entries(staff.ijsselland.privacy);
    expect(ijAll.length).toBeGreaterThan(0);
    expect(ijAll.filter((e) => e.actorId && !ijActors.has(e.actorId))).toEqual([]);
    const onTwente = ijAll.filter((e) => ['melding', 'advies'].includes(e.subject.type) && [twenteCase.id, twenteAdvies.id].includes(e.subject.id!));
    expect(onTwente.length).toBeGreaterThan(0);
    expect(onTwente.filter((e) => e.result !== 'not_found')).toEqual([]);
  });

  it('sends each chef the live events of its own region only', async () => {
    const twente = openEvents(base, await signIn(base, 'chef@demo.test'));
    const ij = openEvents(base, await signIn(base, 'chef@ijsselland.test'));
    await Promise.all([twente.opened, ij.opened]);
    for (const c of [twenteCase, ijssellandCase]) await t.redis.publish(t.app.eventsChannel, JSON.stringify({ type: 'melding.updated', id: c.id, reference: c.reference }));
    await expect.poll(() => twente.idsOf('melding.updated').size + ij.idsOf('melding.updated').size, { timeout: 5000 }).toBe(2);
    expect([...twente.idsOf('melding.updated')]).toEqual([twenteCase.id]);
    expect([...ij.idsOf('melding.updated')]).toEqual([ijssellandCase.id]);
    twente.close();
    ij.close();
  });

  it('holds the application role to its region in Postgres itself, whatever the query', async () => {
    const asApp = (regio: string | null) => postgres(t.db.url, { max: 1, onnotice: () => {}, connection: { role: 'vt_app', ...(regio ? { 'vt.regio': regio } : {}) } });
    const ij = asApp('04');
    const none = asApp(null);
    try {
      // Every table that holds a case or part of one: nothing of Twente's in IJsselland's transactions.
      const tables = ['meldingen', 'betrokkenen', 'melding_events', 'beoordelingen', 'triage_voorstellen', 'overdrachten', 'onderzoeken', 'monitoring_checkpoints', 'vv_voorwaarden', 'huisverboden', 'code_rood', 'acute_inzetten', 'terugkoppelingen', 'mdo_agendapunten', 'break_glass_grants', 'vernietigingsverzoeken'];
      for (const table of tables) {
        const col = table === 'meldingen' ? 'id' : 'melding_id';
        const [r] = await ij.unsafe(`select count(*)::int as n from ${table} where ${col} = $1`, [twenteCase.id]);
        expect(r!.n, table).toBe(0);
      }
      const [counts] = await ij`select (select count(*)::int from meldingen where regio is distinct from '04') as meldingen,
        (select count(*)::int from adviezen where regio is distinct from '04') as adviezen,
        (select count(*)::int from audit_log where regio is distinct from '04') as audit,
        (select count(*)::int from users where regio is distinct from '04') as users,
        (select count(*)::int from mdo_overleggen where regio is distinct from '04') as mdo,
        (select count(*)::int from meldingen where regio = '04') as own`;
      expect(counts).toEqual({ meldingen: 0, adviezen: 0, audit: 0, users: 0, mdo: 0, own: 1 });
      // Without a region: no case at all (a forgotten path fails closed), but the accounts a sign-in needs.
      const [empty] = await none`select (select count(*)::int from meldingen) as meldingen, (select count(*)::int from adviezen) as adviezen,
        (select count(*)::int from betrokkenen) as betrokkenen, (select count(*)::int from audit_log) as audit, (select count(*)::int from users) > 0 as accounts`;
      expect(empty).toEqual({ meldingen: 0, adviezen: 0, betrokkenen: 0, audit: 0, accounts: true });
      // Writing into the other region is refused, and so is changing a Twente case from IJsselland.
      await expect(ij`insert into meldingen (reference, regio) select 'M-2026-999999', '05'`).rejects.toThrow(/row-level security|null value|violates/);
      const updated = await ij`update meldingen set toelichting = '' where id = ${twenteCase.id}`;
      expect(updated.count).toBe(0);
      await expect(ij`insert into melding_events (melding_id, type, data) values (${twenteCase.id}, 'ontvangen', '{}')`).rejects.toThrow();
    } finally {
      await Promise.all([ij.end(), none.end()]);
    }
  });

  it('gives a new region its first beheerder and privacy officer by the bootstrap command, once per region', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vt-bootstrap-'));
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/cli/bootstrap.ts', ...args], {
        env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: t.db.url, REGIOS: '05,04', DATA_DIR: dataDir, DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS, BLIND_INDEX_KEYS: TEST_INDEX_KEYS },
      }).then(
        () => 0,
        (e: { code: number }) => e.code,
      );
    try {
      const people = ['--beheerder', 'beheer@ijsselland.test', 'Bea Beheer', '--privacy', 'privacy2@ijsselland.test', 'Piet Privacy'];
      expect(await run(...people)).toBe(1); // which region?
      expect(await run(...people, '--regio', '05')).toBe(1); // Twente has its beheerder
      expect(await run(...people, '--regio', '04')).toBe(0);
      expect(await run('--beheerder', 'b2@ijsselland.test', 'Bo Beheer', '--privacy', 'p3@ijsselland.test', 'Pim Privacy', '--regio', '04')).toBe(1);
      const rows = await t.db.handle.db.execute<{ email: string; regio: string }>(sql`select email, regio from users where email like '%2@ijsselland.test' or email = 'beheer@ijsselland.test' order by email`);
      expect(rows.map((r) => [r.email, r.regio])).toEqual([['beheer@ijsselland.test', '04'], ['privacy2@ijsselland.test', '04']]);
      const [audit] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where purpose like 'bootstrap:%' and regio = '04'`);
      expect(audit!.n).toBe(2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
