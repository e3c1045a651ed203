// The intake part of the contract (api.md: Health, Auth, Adviezen, Meldingen) against the real Postgres and Redis.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let adviseur: Session;
let beoordelaar: Session;

beforeAll(async () => {
  t = await createTestApp();
  adviseur = await login(t.app, 'adviseur@demo.test');
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

function expectContractError(res: { statusCode: number; body: string; json: () => unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as Record<string, unknown>;
  expect(body.statusCode).toBe(status);
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(res.body).not.toMatch(/at .*\.ts:\d+|stack|node_modules|SELECT|INSERT|relation "/i);
  return body as { details?: { path: string; message: string }[] };
}

describe('health', () => {
  it('is live and ready without signing in', async () => {
    expect((await t.app.inject('/api/health/live')).statusCode).toBe(200);
    const ready = await t.app.inject('/api/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', postgres: 'ok', redis: 'ok' });
  });

  it('publishes the OpenAPI document with every intake route and its schemas', async () => {
    const res = await t.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> };
    for (const [path, method] of [
      ['/api/adviezen', 'post'],
      ['/api/adviezen', 'get'],
      ['/api/adviezen/{id}', 'get'],
      ['/api/adviezen/{id}/melding', 'post'],
      ['/api/meldingen', 'post'],
      ['/api/meldingen', 'get'],
      ['/api/meldingen/{id}', 'get'],
      ['/api/meldingen/{id}/historie', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/auth/session', 'get'],
      ['/api/health/ready', 'get'],
    ] as const) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(Object.keys(op!.responses).length).toBeGreaterThan(0);
      if (method === 'post') expect(op!.requestBody, `${method} ${path} body`).toBeDefined();
    }
    expect((await t.app.inject('/api/docs')).statusCode).toBeLessThan(400);
  });
});

describe('auth', () => {
  it('returns the same 401 for an unknown user and a wrong password', async () => {
    const a = await post('/api/auth/login', { email: 'niemand@demo.test', password: 'x' }, {});
    const b = await post('/api/auth/login', { email: 'manager@demo.test', password: 'verkeerd' }, {});
    expectContractError(a, 401, 'UNAUTHENTICATED');
    expectContractError(b, 401, 'UNAUTHENTICATED');
    expect(a.json()).toEqual(b.json());
  });

  it('locks an account after 5 failed logins within 15 minutes, without counting successful ones', async () => {
    await login(t.app, 'gw@demo.test');
    for (let i = 0; i < 5; i++) expectContractError(await post('/api/auth/login', { email: 'gw@demo.test', password: `fout-${i}` }, {}), 401, 'UNAUTHENTICATED');
    const locked = await post('/api/auth/login', { email: 'gw@demo.test', password: 'demo-veilig-thuis' }, {});
    expectContractError(locked, 429, 'RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not affected.
    await login(t.app, 'medewerker@demo.test');
  });

  it('protects every case route', async () => {
    expectContractError(await t.app.inject('/api/meldingen'), 401, 'UNAUTHENTICATED');
    expectContractError(await post('/api/meldingen', meldingBody(), {}), 401, 'UNAUTHENTICATED');
    expectContractError(await post('/api/meldingen', meldingBody(), { authorization: 'Bearer wrong-key' }), 401, 'UNAUTHENTICATED');
  });

  it('requires the CSRF token on a cookie session', async () => {
    const res = await post('/api/adviezen', adviesBody(), { cookie: adviseur.cookie });
    expectContractError(res, 403, 'FORBIDDEN');
  });

  it('gives the session with user, roles and csrf token, and logout kills it on the server', async () => {
    const s = await login(t.app, 'chef@demo.test');
    const res = await t.app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { user: { email: string; roles: string[]; teamId: string }; csrfToken: string };
    expect(body.user.email).toBe('chef@demo.test');
    expect(body.user.roles).toContain('chef_van_de_dag');
    expect(body.csrfToken).toBe(s.csrfToken);
    expect((await post('/api/auth/logout', {}, s.headers)).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('gives a wijkteam user its gemeente', async () => {
    const s = await login(t.app, 'wijkteam.enschede@demo.test');
    const res = await t.app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect((res.json() as { user: { gemeente: string } }).user.gemeente).toBe('GM0153');
  });

  it('forbids a partner key everything but creating meldingen', async () => {
    expectContractError(await t.app.inject({ url: '/api/meldingen', headers: partnerHeaders }), 403, 'FORBIDDEN');
    expectContractError(await post('/api/adviezen', adviesBody(), partnerHeaders), 403, 'FORBIDDEN');
  });
});

describe('adviezen', () => {
  it('logs an anonymous advies and reads it back', async () => {
    const res = await post('/api/adviezen', adviesBody(), adviseur.headers);
    expect(res.statusCode).toBe(201);
    const { id, reference } = res.json() as { id: string; reference: string };
    expect(reference).toMatch(/^A-\d{4}-\d{6}$/);
    const read = await t.app.inject({ url: `/api/adviezen/${id}`, headers: adviseur.headers });
    expect(read.statusCode).toBe(200);
    const a = read.json() as { anoniem: boolean; vrager: unknown; duurSeconden: number; uitkomst: string };
    expect(a.anoniem).toBe(true);
    expect(a.vrager).toBeNull();
    expect(a.duurSeconden).toBeGreaterThan(500);
  });

  it('refuses a vrager on an anonymous advies, and stores nothing', async () => {
    const [before] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from adviezen`);
    const body = expectContractError(await post('/api/adviezen', adviesBody({ vrager: { naam: 'Jan' } }), adviseur.headers), 400, 'VALIDATION');
    expect(body.details).toContainEqual(expect.objectContaining({ path: '/vrager' }));
    const [after] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from adviezen`);
    expect(after!.n).toBe(before!.n);
  });

  it('keeps the vrager of a non-anonymous advies', async () => {
    const res = await post('/api/adviezen', adviesBody({ anoniem: false, vragerType: 'professional', sector: 'onderwijs', vrager: { naam: 'Juf Test', organisatie: 'Basisschool' } }), adviseur.headers);
    expect(res.statusCode).toBe(201);
    const read = await t.app.inject({ url: `/api/adviezen/${(res.json() as { id: string }).id}`, headers: adviseur.headers });
    expect((read.json() as { vrager: unknown }).vrager).toEqual({ naam: 'Juf Test', organisatie: 'Basisschool' });
  });

  it('lists adviezen by date and kanaal, newest first', async () => {
    await post('/api/adviezen', adviesBody({ kanaal: 'chat' }), adviseur.headers);
    const res = await t.app.inject({ url: '/api/adviezen?kanaal=chat&page=1&pageSize=10', headers: adviseur.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { kanaal: string; startedAt: string }[]; total: number };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.kanaal === 'chat')).toBe(true);
    const future = await t.app.inject({ url: '/api/adviezen?from=2099-01-01', headers: adviseur.headers });
    expect((future.json() as { total: number }).total).toBe(0);
    expectContractError(await t.app.inject({ url: '/api/adviezen?from=gisteren', headers: adviseur.headers }), 400, 'VALIDATION');
  });

  it('rejects unknown fields, wrong types, over-long text, a future start and an impossible end', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ onbekend: 1 }, '/onbekend'],
      [{ anoniem: 'ja' }, '/anoniem'],
      [{ kanaal: 'fax' }, '/kanaal'],
      [{ samenvatting: 'x'.repeat(4001) }, '/samenvatting'],
      [{ startedAt: new Date(Date.now() + 86_400_000).toISOString() }, '/startedAt'],
      [{ endedAt: new Date(Date.now() - 86_400_000).toISOString() }, '/endedAt'],
      [{ geweldsvormen: ['partnergeweld', 'partnergeweld'] }, '/geweldsvormen'],
    ];
    for (const [override, path] of cases) {
      const body = expectContractError(await post('/api/adviezen', adviesBody(override), adviseur.headers), 400, 'VALIDATION');
      expect(body.details?.map((d) => d.path), JSON.stringify(override).slice(0, 60)).toContain(path);
    }
  });

  it('turns an advies into a melding once', async () => {
    const a = await post('/api/adviezen', adviesBody({ uitkomst: 'omgezet_in_melding' }), adviseur.headers);
    const adviesId = (a.json() as { id: string }).id;
    const m = await post(`/api/adviezen/${adviesId}/melding`, meldingBody({ kanaal: 'telefoon' }), adviseur.headers);
    expect(m.statusCode).toBe(201);
    const melding = m.json() as { id: string; reference: string; status: string };
    expect(melding.reference).toMatch(/^M-\d{4}-\d{6}$/);
    const read = await t.app.inject({ url: `/api/meldingen/${melding.id}`, headers: beoordelaar.headers });
    expect((read.json() as { adviesId: string }).adviesId).toBe(adviesId);
    const advies = await t.app.inject({ url: `/api/adviezen/${adviesId}`, headers: adviseur.headers });
    expect((advies.json() as { meldingId: string }).meldingId).toBe(melding.id);
    expectContractError(await post(`/api/adviezen/${adviesId}/melding`, meldingBody(), adviseur.headers), 409, 'CONFLICT');
    expectContractError(await post(`/api/adviezen/00000000-0000-4000-8000-000000000000/melding`, meldingBody(), adviseur.headers), 404, 'NOT_FOUND');
  });
});

describe('meldingen', () => {
  it('accepts a melding from a partner system and shows it to a beoordelaar with its deadlines', async () => {
    const res = await post('/api/meldingen', meldingBody({ receivedAt: '2026-04-24T21:30:00+02:00' }), partnerHeaders);
    expect(res.statusCode).toBe(201);
    const created = res.json() as { id: string; reference: string; status: string; receivedAt: string };
    expect(created.status).toBe('ontvangen');
    expect(new Date(created.receivedAt).toISOString()).toBe('2026-04-24T19:30:00.000Z');
    const read = await t.app.inject({ url: `/api/meldingen/${created.id}`, headers: beoordelaar.headers });
    expect(read.statusCode).toBe(200);
    const m = read.json() as {
      reference: string;
      deadlines: { beoordelingDueDate: string };
      huishouden: { adres: { postcode: string }; gemeenteNaam: string };
      betrokkenen: unknown[];
      melder: { naam: string };
      team: { kind: string };
      triage: unknown;
    };
    expect(m.reference).toBe(created.reference);
    // Friday 24 April 2026 → Monday 4 May: 27 April is Koningsdag, weekends do not count.
    expect(m.deadlines.beoordelingDueDate).toBe('2026-05-04');
    expect(m.huishouden.adres.postcode).toBe('7511 AB');
    expect(m.huishouden.gemeenteNaam).toBe('Enschede');
    expect(m.betrokkenen).toHaveLength(2);
    expect(m.melder.naam).toBe('Agent Testpersoon');
    expect(m.team.kind).toBe('beoordeling');
    expect(m.triage === null || typeof m.triage === 'object').toBe(true);
  });

  it('writes melding, history event, audit row and outbox row together', async () => {
    const res = await post('/api/meldingen', meldingBody(), adviseur.headers);
    const { id } = res.json() as { id: string };
    const db = t.db.handle.db;
    const [counts] = await db.execute<{ events: number; audit: number; outbox: number; persons: number }>(sql`
      select (select count(*)::int from melding_events where melding_id = ${id} and type = 'ontvangen') as events,
             (select count(*)::int from audit_log where subject_id = ${id} and action = 'create') as audit,
             (select count(*)::int from outbox where aggregate_id = ${id}) as outbox,
             (select count(*)::int from betrokkenen where melding_id = ${id}) as persons`);
    expect(counts).toEqual({ events: 1, audit: 1, outbox: 1, persons: 2 });
    // The outbox payload carries ids only.
    const [row] = await db.execute<{ payload: Record<string, unknown> }>(sql`select payload from outbox where aggregate_id = ${id}`);
    expect(Object.keys(row!.payload)).toEqual(['meldingId']);
  });

  it('commits nothing when the outbox write fails', async () => {
    const db = t.db.handle.db;
    const count = async () => (await db.execute<{ m: number; e: number; a: number; o: number }>(sql`
      select (select count(*)::int from meldingen) as m, (select count(*)::int from melding_events) as e,
             (select count(*)::int from audit_log where action = 'create') as a, (select count(*)::int from outbox) as o`))[0]!;
    const before = await count();
    // Make the last write of the transaction fail, as a full disk or a lost connection would.
    await db.execute(sql`alter table outbox add constraint outbox_test_fail check (topic <> 'melding.received') not valid`);
    try {
      const res = await post('/api/meldingen', meldingBody(), adviseur.headers);
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ statusCode: 500, code: 'INTERNAL', message: expect.any(String) });
    } finally {
      await db.execute(sql`alter table outbox drop constraint outbox_test_fail`);
    }
    expect(await count()).toEqual(before);
    // The reference of the failed attempt is given back: the next one has no gap.
    const a = (await post('/api/meldingen', meldingBody(), adviseur.headers)).json() as { reference: string };
    const b = (await post('/api/meldingen', meldingBody(), adviseur.headers)).json() as { reference: string };
    expect(Number(b.reference.slice(-6)) - Number(a.reference.slice(-6))).toBe(1);
  });

  it('rejects bad meldingen with a 400 that says where', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const cases: [Record<string, unknown>, string][] = [
      [{ extra: true }, '/extra'],
      [{ kanaal: 'chat' }, '/kanaal'],
      [{ receivedAt: future }, '/receivedAt'],
      [{ receivedAt: '2026-04-24T10:00:00' }, '/receivedAt'],
      [{ betrokkenen: [] }, '/betrokkenen'],
      [{ toelichting: 'x'.repeat(10_001) }, '/toelichting'],
      // Postgres cannot store NUL; it was a 500 until the fuzz tests found it.
      [{ toelichting: 'voor\u0000na' }, '/toelichting'],
      [{ betrokkenen: [{ rol: 'kind', voornaam: 'A', achternaam: 'B\u0007' }] }, '/betrokkenen/0/achternaam'],
      [{ huishouden: { adres: { straat: 'X', huisnummer: '1', postcode: '0000 AA', plaats: 'Y' }, gemeente: 'GM0153' } }, '/huishouden/adres/postcode'],
      [{ huishouden: { adres: { straat: 'X', huisnummer: '1', postcode: '7511 AB', plaats: 'Y' }, gemeente: 'GM0363' } }, '/huishouden/gemeente'],
      [{ melder: { type: 'professional', rol: 'familie', naam: 'A', anoniemNaarHuishouden: false } }, '/melder/rol'],
      [{ melder: { type: 'professional', naam: 'A' } }, '/melder/anoniemNaarHuishouden'],
      [{ veiligheid: { lopendGeweld: 'ja' } }, '/veiligheid/lopendGeweld'],
      [{ veiligheid: { onbekendeVraag: true } }, '/veiligheid/onbekendeVraag'],
      [{ betrokkenen: [{ rol: 'kind', voornaam: 'A', achternaam: 'B', geboortedatum: '2099-01-01' }] }, '/betrokkenen/0/geboortedatum'],
      [{ betrokkenen: [{ rol: 'kind', voornaam: 'A', achternaam: 'B', geboortedatum: '2020-02-30' }] }, '/betrokkenen/0/geboortedatum'],
    ];
    for (const [override, path] of cases) {
      const body = expectContractError(await post('/api/meldingen', meldingBody(override), partnerHeaders), 400, 'VALIDATION');
      expect(body.details?.map((d) => d.path), JSON.stringify(override).slice(0, 80)).toContain(path);
    }
  });

  it('answers malformed JSON, a wrong content type and a huge body with a 4xx in the contract shape', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: '{"kanaal": ', headers: { ...partnerHeaders, 'content-type': 'application/json' } });
    expectContractError(bad, 400, 'VALIDATION');
    const text = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: 'hallo', headers: { ...partnerHeaders, 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
    expect((text.json() as { code: string }).code).toBe('VALIDATION');
    const huge = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: JSON.stringify({ toelichting: 'x'.repeat(300_000) }), headers: { ...partnerHeaders, 'content-type': 'application/json' } });
    expect(huge.statusCode).toBe(413);
    expectContractError(await t.app.inject({ url: '/api/meldingen/niet-een-uuid', headers: beoordelaar.headers }), 400, 'VALIDATION');
    expectContractError(await t.app.inject({ url: '/api/meldingen/00000000-0000-4000-8000-000000000000', headers: beoordelaar.headers }), 404, 'NOT_FOUND');
  });

  it('gives one melding for the same Idempotency-Key and body, and 422 for another body', async () => {
    const headers = { ...partnerHeaders, 'idempotency-key': 'corv-2026-0001' };
    const body = meldingBody();
    const a = await post('/api/meldingen', body, headers);
    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const b = await post('/api/meldingen', reordered, headers);
    expect(a.statusCode).toBe(201);
    expect([200, 201]).toContain(b.statusCode);
    expect((b.json() as { id: string }).id).toBe((a.json() as { id: string }).id);
    const c = await post('/api/meldingen', meldingBody({ toelichting: 'iets anders' }), headers);
    expectContractError(c, 422, 'UNPROCESSABLE');
    // Keys are scoped per caller: the same key from a staff member is a new request.
    const d = await post('/api/meldingen', body, { ...adviseur.headers, 'idempotency-key': 'corv-2026-0001' });
    expect(d.statusCode).toBe(201);
    expect((d.json() as { id: string }).id).not.toBe((a.json() as { id: string }).id);
  });

  it('gives one melding for concurrent duplicates with one key', async () => {
    const headers = { ...partnerHeaders, 'idempotency-key': 'corv-2026-burst' };
    const results = await Promise.all(Array.from({ length: 8 }, () => post('/api/meldingen', meldingBody(), headers)));
    const ids = new Set(results.map((r) => (r.json() as { id: string }).id));
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    expect(ids.size).toBe(1);
  });

  it('gives 50 concurrent POSTs 50 distinct, gap-free references', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => post('/api/meldingen', meldingBody(), partnerHeaders)));
    expect(results.map((r) => r.statusCode).every((s) => s === 201)).toBe(true);
    const numbers = results.map((r) => Number((r.json() as { reference: string }).reference.slice(-6))).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers[49]! - numbers[0]!).toBe(49);
  });

  it('lists meldingen newest first with filters, and audits the search', async () => {
    const res = await t.app.inject({ url: '/api/meldingen?gemeente=GM0153&pageSize=5', headers: beoordelaar.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { receivedAt: string; gemeente: string }[]; total: number };
    expect(body.items.length).toBe(5);
    expect(body.total).toBeGreaterThan(5);
    const times = body.items.map((i) => i.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const overdue = await t.app.inject({ url: '/api/meldingen?overdue=true', headers: beoordelaar.headers });
    // The 2026-04-24 melding is long past its 5 working days.
    expect((overdue.json() as { items: { overdue: boolean }[] }).items.every((i) => i.overdue)).toBe(true);
    expectContractError(await t.app.inject({ url: '/api/meldingen?band=P9', headers: beoordelaar.headers }), 400, 'VALIDATION');
    expectContractError(await t.app.inject({ url: '/api/meldingen', headers: adviseur.headers }), 403, 'FORBIDDEN');
  });

  it('audits every read of a case once, and hides cases from roles that may not see them', async () => {
    const { id } = (await post('/api/meldingen', meldingBody(), partnerHeaders)).json() as { id: string };
    const auditCount = async () =>
      (await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_id = ${id} and action = 'read'`))[0]!.n;
    const before = await auditCount();
    await t.app.inject({ url: `/api/meldingen/${id}`, headers: beoordelaar.headers });
    expect(await auditCount()).toBe(before + 1);
    const wijkteam = await login(t.app, 'wijkteam.hengelo@demo.test');
    expectContractError(await t.app.inject({ url: `/api/meldingen/${id}`, headers: wijkteam.headers }), 404, 'NOT_FOUND');
    const manager = await login(t.app, 'manager@demo.test');
    expectContractError(await t.app.inject({ url: `/api/meldingen/${id}`, headers: manager.headers }), 403, 'FORBIDDEN');
    // An adviseur reads back what it filed itself, not what others filed.
    expectContractError(await t.app.inject({ url: `/api/meldingen/${id}`, headers: adviseur.headers }), 404, 'NOT_FOUND');
  });

  it('shows the history in the order it was recorded', async () => {
    const { id } = (await post('/api/meldingen', meldingBody(), adviseur.headers)).json() as { id: string };
    const res = await t.app.inject({ url: `/api/meldingen/${id}/historie`, headers: beoordelaar.headers });
    expect(res.statusCode).toBe(200);
    const events = (res.json() as { events: { type: string; actorId: string }[] }).events;
    expect(events[0]).toMatchObject({ type: 'ontvangen', actorId: adviseur.userId });
  });
});
