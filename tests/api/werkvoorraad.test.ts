// The werkvoorraad as Postgres writes it (issue #8: the busiest read passes JSON through): working days waited
// counted in SQL exactly as the calendar counts them, the answer in the contract's shape, and its audit row.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTriage, werkdagenTussenSql } from '@vt/db';
import { WerkdagKalender, addDays, amsterdamDate, policyV1 } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('working days in SQL', () => {
  it('equals WerkdagKalender.werkdagenTussen for any two dates, declared days included', async () => {
    const kalender = new WerkdagKalender([{ datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaart' }, { datum: '2031-06-07', omschrijving: 'Op een zaterdag' }]);
    const holidays = kalender.weekdagFeestdagen(1990, 2040);
    const day = fc.integer({ min: 0, max: 365 * 45 }).map((n) => addDays('1992-01-01', n));
    const pairs = fc.sample(fc.tuple(day, fc.integer({ min: -10, max: 900 })), 400).map(([from, span]) => [from, addDays(from, span)] as const);
    // Edge cases by hand: across Easter and Koningsdag, a weekend start, the same day, backwards.
    pairs.push(['2026-04-02', '2026-04-07'], ['2026-04-25', '2026-04-28'], ['2026-05-14', '2026-05-18'], ['2026-11-28', '2026-11-30'], ['2026-12-01', '2026-12-01'], ['2026-12-09', '2026-12-01']);
    const rows = await t.db.handle.db.execute<{ n: number }>(sql`
      select ${werkdagenTussenSql(sql`p.f`, sql`p.t`, sql`${`{${holidays.join(',')}}`}::date[]`)} as n
        from unnest(${`{${pairs.map((p) => p[0]).join(',')}}`}::date[], ${`{${pairs.map((p) => p[1]).join(',')}}`}::date[]) with ordinality as p(f, t, i)
       order by p.i`);
    expect(rows.map((r) => r.n)).toEqual(pairs.map(([from, to]) => kalender.werkdagenTussen(from, to)));
  });
});

describe('GET /api/werkvoorraad', () => {
  it("answers in the contract's shape, sorted, and writes its audit row", async () => {
    const chef = await login(t.app, 'chef@demo.test');
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).statusCode).toBe(201);
    const before = (await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_type = 'werkvoorraad' and actor_id = ${chef.userId}::uuid`))[0]!.n;
    const res = await t.app.inject({ url: '/api/werkvoorraad?team=beoordeling', headers: chef.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const { items } = res.json() as { items: { id: string; receivedAt: string; dueAt: string; werkdagenWachtend: number; assignedTo: string[]; band: string | null }[] };
    expect(items.length).toBeGreaterThanOrEqual(3);
    const kalender = new WerkdagKalender();
    const today = amsterdamDate(new Date());
    for (const i of items) {
      expect(i.werkdagenWachtend).toBe(kalender.werkdagenTussen(amsterdamDate(new Date(i.receivedAt)), today));
      expect(i.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(i.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Number.isInteger(i.werkdagenWachtend)).toBe(true);
      expect(Array.isArray(i.assignedTo)).toBe(true);
    }
    // Band first (untriaged last), then the earliest deadline.
    const key = (i: (typeof items)[number]) => `${i.band ?? 'P9'}|${i.dueAt}`;
    expect(items.map(key)).toEqual([...items.map(key)].sort());
    const after = (await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_type = 'werkvoorraad' and actor_id = ${chef.userId}::uuid`))[0]!.n;
    expect(after).toBe(before + 1);
    // An empty team answers an empty list, audited too.
    const empty = await t.app.inject({ url: '/api/werkvoorraad?team=advieslijn', headers: chef.headers });
    expect(empty.json()).toEqual({ items: [] });
  });

  it('answers only the cases asked for with ids=, and leaves out those that left the queue or the caller may not open', async () => {
    const chef = await login(t.app, 'chef@demo.test');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string }).id);
    const get = async (q: string, headers = chef.headers) => (await t.app.inject({ url: `/api/werkvoorraad?${q}`, headers })).json() as { items: { id: string }[] };
    const some = await get(`team=beoordeling&ids=${ids[0]},${ids[2]}`);
    expect(some.items.map((i) => i.id).sort()).toEqual([ids[0], ids[2]].sort());
    // Another team's queue does not hold them; an unknown id is simply absent.
    expect((await get(`team=crisisteam&ids=${ids.join(',')}`)).items).toEqual([]);
    expect((await get(`team=beoordeling&ids=${randomUUID()}`)).items).toEqual([]);
    const closed = await t.app.inject({ method: 'POST', url: `/api/meldingen/${ids[1]}/afsluiten`, headers: chef.headers, payload: { reden: 'Dubbele melding, al in behandeling.' } });
    expect(closed.statusCode).toBe(200);
    expect((await get(`team=beoordeling&ids=${ids[1]}`)).items).toEqual([]);
    // Not a list of ids: 400 in the contract's shape.
    const bad = await t.app.inject({ url: '/api/werkvoorraad?team=beoordeling&ids=1,2', headers: chef.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION' });
  });

  it('after a beoordeling every list runs on the decided band and route; the case page keeps the proposal as such (issue #16)', async () => {
    const chef = await login(t.app, 'chef@demo.test');
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string };
    // The triage runs in the workers; here it runs as they would, once.
    await t.db.handle.db.transaction((tx) => runTriage(tx, id, 1, { policy: policyV1, kalender: new WerkdagKalender() }));
    const before = (await t.app.inject({ url: `/api/meldingen/${id}`, headers: chef.headers })).json() as { triage: { band: string; route: string } };
    const band = before.triage.band === 'P1' ? 'P2' : 'P1';
    const decided = await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/beoordeling`, headers: chef.headers, payload: { route: 'mdo', band, reason: 'Zorgen groter dan het voorstel laat zien.' } });
    expect(decided.statusCode, decided.body).toBe(200);
    const view = decided.json() as { triage: { band: string; route: string }; beoordeling: { band: string; route: string; override: boolean } };
    expect(view.triage).toMatchObject({ band: before.triage.band, route: before.triage.route });
    expect(view.beoordeling).toMatchObject({ band, route: 'mdo', override: true });
    const queue = (await t.app.inject({ url: `/api/werkvoorraad?team=mdo&ids=${id}`, headers: chef.headers })).json() as { items: { band: string; route: string }[] };
    expect(queue.items).toEqual([expect.objectContaining({ band, route: 'mdo' })]);
    const wachtrij = (await t.app.inject({ url: '/api/mdo/wachtrij', headers: chef.headers })).json() as { items: { id: string; band: string }[] };
    expect(wachtrij.items.find((i) => i.id === id)).toMatchObject({ band });
  });

  it('answers 503 and no list when its audit row cannot be written (one statement: no audit, no data)', async () => {
    const chef = await login(t.app, 'chef@demo.test');
    await t.db.handle.db.execute(sql`alter table audit_log add constraint audit_test_fail check (subject_type <> 'werkvoorraad') not valid`);
    try {
      const res = await t.app.inject({ url: '/api/werkvoorraad?team=beoordeling', headers: chef.headers });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body).not.toContain('M-');
    } finally {
      await t.db.handle.db.execute(sql`alter table audit_log drop constraint audit_test_fail`);
    }
    expect((await t.app.inject({ url: '/api/werkvoorraad?team=beoordeling', headers: chef.headers })).statusCode).toBe(200);
  });
});
