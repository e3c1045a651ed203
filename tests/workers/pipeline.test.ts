// The triage pipeline run for real: API → outbox → relay → BullMQ → worker → stored proposal → live event.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers, type RunningWorkers } from '@vt/workers';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';
import { TEST_REDIS_URL } from '../support/env.ts';

const log = pino({ level: 'silent' });
let t: TestContext;
let workers: RunningWorkers;
let beoordelaar: Session;

beforeAll(async () => {
  t = await createTestApp();
  workers = await startWorkers({ databaseUrl: t.db.url, redisUrl: TEST_REDIS_URL, log, prefix: t.prefix, pollMs: 200 });
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
});
afterAll(async () => {
  await workers?.close();
  await t?.close();
});

async function until<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const post = async (body: unknown) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: body as object, headers: partnerHeaders });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; reference: string };
};

async function melding(id: string) {
  const res = await t.app.inject({ url: `/api/meldingen/${id}`, headers: beoordelaar.headers });
  return res.json() as {
    status: string;
    triage: null | { band: string; route: string; priority: number; factors: { code: string; weight: number; tekst: string }[]; eerdereMeldingen: number; rulesVersion: string; urgency: string; uitleg: string; aandachtspunten: { code: string; tekst: string }[] };
    team: { kind: string };
    deadlines: { responseDueAt: string | null };
  };
}
let houseNumber = 100;
/** A household of its own, so the radar does not connect tests with each other. */
const own = () => ({ huishouden: { adres: { straat: 'Eigenweg', huisnummer: String(houseNumber++), postcode: '7545 AA', plaats: 'Enschede' }, gemeente: 'GM0153' }, betrokkenen: [{ rol: 'slachtoffer', voornaam: `Persoon${houseNumber}`, achternaam: 'Eigen', geboortedatum: '1980-01-01' }] });
const triaged = (id: string) => until(async () => ((await melding(id)).triage ? melding(id) : undefined));
const triageEvents = async (id: string) =>
  (await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from melding_events where melding_id = ${id} and type = 'triage_voorgesteld'`))[0]!.n;

describe('triage pipeline', () => {
  it('triages an acute melding, routes it to the crisis team at once and shows it in its werkvoorraad', async () => {
    const { id, reference } = await post(meldingBody({ veiligheid: { verwurging: true, herhaaldGeweld: true } }));
    const m = await triaged(id);
    expect(m.status).toBe('triage_voorgesteld');
    // Policy v2 is active from the migration that brought it (0005); the proposal keeps it.
    expect(m.triage).toMatchObject({ urgency: 'acuut', band: 'P1', route: 'crisisteam', rulesVersion: 'v2' });
    expect(m.triage!.factors).toEqual([
      { code: 'verwurging', weight: 40, tekst: 'Verwurging' },
      { code: 'kindJongerDan4', weight: 15, tekst: 'Kind jonger dan 4 jaar' },
      { code: 'herhaaldGeweld', weight: 10, tekst: 'Herhaald geweld' },
    ]);
    expect(m.triage!.uitleg).toBe('Acute onveiligheid (verwurging): direct naar het crisisteam; binnen 24 uur moet er iets gebeuren.');
    expect(m.team.kind).toBe('crisisteam');
    expect(m.deadlines.responseDueAt).not.toBeNull();
    const chef = await login(t.app, 'chef@demo.test');
    const wv = await t.app.inject({ url: '/api/werkvoorraad?team=crisisteam', headers: chef.headers });
    expect(wv.statusCode).toBe(200);
    const items = (wv.json() as { items: { reference: string; band: string; werkdagenWachtend: number }[] }).items;
    expect(items.find((i) => i.reference === reference)).toMatchObject({ band: 'P1', werkdagenWachtend: 0 });
  });

  it('keeps a non-acute melding on the beoordeling queue with its proposed route, sorted by band then deadline', async () => {
    const a = await post(meldingBody({ ...own(), veiligheid: { schulden: true } }));
    const b = await post(meldingBody({ ...own(), veiligheid: { herhaaldGeweld: true, dwingendeControle: true, kindGetuige: true, verwaarlozing: true } }));
    expect((await triaged(a.id)).triage).toMatchObject({ band: 'P4', route: 'wijkteam' });
    expect((await triaged(b.id)).triage).toMatchObject({ band: 'P3', priority: 38, route: 'wijkteam' });
    const wv = await t.app.inject({ url: '/api/werkvoorraad?team=beoordeling', headers: beoordelaar.headers });
    const items = (wv.json() as { items: { id: string; band: string | null; dueAt: string }[] }).items;
    const order = items.map((i) => i.id);
    expect(order.indexOf(b.id)).toBeLessThan(order.indexOf(a.id));
    const rank = (band: string | null) => (band ? Number(band.slice(1)) : 9);
    for (let i = 1; i < items.length; i++) {
      const [p, c] = [items[i - 1]!, items[i]!];
      expect(rank(p.band) < rank(c.band) || (rank(p.band) === rank(c.band) && p.dueAt <= c.dueAt)).toBe(true);
    }
  });

  it('counts earlier meldingen about the same household (radar) and sends repeated structural violence to the MDO', async () => {
    const household = { adres: { straat: 'Radarweg', huisnummer: '7 B', postcode: '7522ab', plaats: 'Enschede' }, gemeente: 'GM0153' };
    const persons = [{ rol: 'slachtoffer', voornaam: 'Radar', achternaam: 'Test', geboortedatum: '1985-05-05' }];
    const first = await post(meldingBody({ huishouden: household, betrokkenen: persons, veiligheid: { stalking: true }, receivedAt: '2025-01-10T10:00:00+01:00' }));
    // The same person at another address counts too, once.
    const second = await post(
      meldingBody({ huishouden: { ...household, adres: { ...household.adres, huisnummer: '9' } }, betrokkenen: [{ ...persons[0], voornaam: 'RADAR' }], veiligheid: { stalking: true }, receivedAt: '2025-06-10T10:00:00+02:00' }),
    );
    // Older than 24 months: outside the window.
    await post(meldingBody({ huishouden: household, betrokkenen: persons, receivedAt: '2023-01-01T10:00:00+01:00' }));
    const third = await post(meldingBody({ huishouden: { ...household, adres: { ...household.adres, huisnummer: '7b', postcode: '7522 AB' } }, betrokkenen: persons, veiligheid: { stalking: true }, receivedAt: '2026-01-09T10:00:00+01:00' }));
    await triaged(first.id);
    await triaged(second.id);
    const m = await triaged(third.id);
    expect(m.triage).toMatchObject({ eerdereMeldingen: 2, route: 'mdo' });
    expect(m.triage!.factors).toContainEqual({ code: 'eerdereMeldingen', weight: 10, tekst: '2 eerdere meldingen over dit huishouden in de 24 maanden ervoor (radar)' });
    expect(m.triage).toMatchObject({ uitleg: '2 eerdere meldingen in 24 maanden en structurele zorgen (stalking): naar het MDO.', aandachtspunten: [] });
    // A new melding does not change the triage of earlier ones.
    expect((await melding(first.id)).triage!.eerdereMeldingen).toBe(0);
  });

  it('re-opens a case in monitoring when a new melding about the same household arrives (radar)', async () => {
    const household = own();
    const first = await post(meldingBody(household));
    await triaged(first.id);
    // The beoordelaar hands it to the wijkteam (any band is his to choose); Enschede accepts: monitoring starts.
    const chef = await login(t.app, 'chef@demo.test');
    expect((await t.app.inject({ method: 'POST', url: `/api/meldingen/${first.id}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'wijkteam', band: 'P3', reason: 'Gezin werkt mee met het wijkteam.' } })).statusCode).toBe(200);
    const { overdracht } = (await t.app.inject({ url: `/api/meldingen/${first.id}`, headers: chef.headers })).json() as { overdracht: { id: string } };
    const enschede = await login(t.app, 'wijkteam.enschede@demo.test');
    expect((await t.app.inject({ method: 'POST', url: `/api/overdrachten/${overdracht.id}/accepteren`, headers: enschede.headers, payload: {} })).statusCode).toBe(200);
    const stateOf = async (id: string) => (await t.app.inject({ url: `/api/meldingen/${id}`, headers: chef.headers })).json() as { status: string; team: { kind: string } };
    expect((await stateOf(first.id)).status).toBe('monitoring');

    const second = await post(meldingBody({ ...household, veiligheid: { herhaaldGeweld: true } }));
    await triaged(second.id);
    expect(await stateOf(first.id)).toMatchObject({ status: 'triage_voorgesteld', team: { kind: 'beoordeling' } });
    const hist = (await t.app.inject({ url: `/api/meldingen/${first.id}/historie`, headers: chef.headers })).json() as { events: { type: string; data: { reference?: string } }[] };
    expect(hist.events.find((e) => e.type === 'heropend')?.data.reference).toBe(second.reference);
    // A household without a case in monitoring re-opens nothing.
    const other = await post(meldingBody(own()));
    await triaged(other.id);
    const otherHist = (await t.app.inject({ url: `/api/meldingen/${other.id}/historie`, headers: chef.headers })).json() as { events: { type: string }[] };
    expect(otherHist.events.map((e) => e.type)).not.toContain('heropend');
  });

  it('changes nothing when the same triage job runs twice', async () => {
    const { id } = await post(meldingBody());
    const before = await triaged(id);
    // A duplicate delivery (e.g. the reconciler after a crash) for the same run.
    await workers.relay.reconcile();
    await t.db.handle.db.execute(sql`update outbox set dispatched_at = null where aggregate_id = ${id}`);
    await workers.relay.drain();
    const { createQueues } = await import('@vt/workers');
    const q = createQueues({ url: TEST_REDIS_URL } as never, t.prefix);
    await q.enqueue('triage-melding', { meldingId: id, run: 1 }, { jobId: `dup-${id}` });
    await until(async () => (await q.queues.triage.getJobState(`dup-${id}`)) === 'completed');
    await q.close();
    expect(await triageEvents(id)).toBe(1);
    expect(await melding(id)).toEqual(before);
  });

  it('re-triages after an aanvulling and keeps the earlier proposal in the history', async () => {
    const { id } = await post(meldingBody({ ...own(), veiligheid: { schulden: true } }));
    await triaged(id);
    const res = await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/aanvulling`, headers: beoordelaar.headers, payload: { veiligheid: { doodsbedreiging: true }, toelichting: 'Buurman hoorde een doodsbedreiging.' } });
    expect(res.statusCode).toBe(200);
    const m = await until(async () => {
      const v = await melding(id);
      return v.triage?.band === 'P1' ? v : undefined;
    });
    expect(m.triage!.route).toBe('crisisteam');
    expect(await triageEvents(id)).toBe(2);
    const hist = await t.app.inject({ url: `/api/meldingen/${id}/historie`, headers: beoordelaar.headers });
    const types = (hist.json() as { events: { type: string; data: { band?: string } }[] }).events.map((e) => `${e.type}${e.data.band ? `:${e.data.band}` : ''}`);
    expect(types).toEqual(['ontvangen', 'triage_voorgesteld:P4', 'aanvulling', 'triage_voorgesteld:P1']);
    const bad = await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/aanvulling`, headers: beoordelaar.headers, payload: {} });
    expect(bad.statusCode).toBe(400);
  });

  it('lets a beoordelaar confirm, and requires a reason to override', async () => {
    const { id } = await post(meldingBody({ ...own(), veiligheid: { schulden: true } }));
    const proposed = (await triaged(id)).triage!;
    const url = `/api/meldingen/${id}/beoordeling`;
    const noReason = await t.app.inject({ method: 'POST', url, headers: beoordelaar.headers, payload: { route: 'mdo' } });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as { details: { path: string }[] }).details[0]!.path).toBe('/reason');
    const adviseur = await login(t.app, 'adviseur@demo.test');
    expect((await t.app.inject({ method: 'POST', url, headers: adviseur.headers, payload: { route: proposed.route } })).statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url, headers: beoordelaar.headers, payload: { route: 'mdo', band: 'P3', reason: 'Moeder ontkent, informatie onvolledig.' } });
    expect(ok.statusCode).toBe(200);
    const m = ok.json() as { status: string; team: { kind: string }; beoordeling: { override: boolean; route: string; reason: string } };
    expect(m).toMatchObject({ status: 'mdo', team: { kind: 'mdo' }, beoordeling: { override: true, route: 'mdo', reason: 'Moeder ontkent, informatie onvolledig.' } });
    expect((await t.app.inject({ method: 'POST', url, headers: beoordelaar.headers, payload: { route: 'mdo' } })).statusCode).toBe(409);
    const [row] = await t.db.handle.db.execute<{ proposed_route: string; proposed_route_rule: string; override: boolean }>(
      sql`select proposed_route, proposed_route_rule, override from beoordelingen where melding_id = ${id}`,
    );
    expect(row).toEqual({ proposed_route: 'wijkteam', proposed_route_rule: 'wijkteam', override: true });

    const other = await post(meldingBody({ ...own(), veiligheid: { schulden: true } }));
    await triaged(other.id);
    const confirm = await t.app.inject({ method: 'POST', url: `/api/meldingen/${other.id}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'wijkteam' } });
    expect(confirm.json()).toMatchObject({ status: 'overdracht', team: { kind: 'wijkteam', gemeente: 'GM0153' }, beoordeling: { override: false } });
  });

  it('lets the chef van de dag assign a person or a duo, and nobody else', async () => {
    const { id } = await post(meldingBody({ ...own() }));
    const chef = await login(t.app, 'chef@demo.test');
    const role = async (r: string) => ((await t.app.inject({ url: `/api/users?role=${r}`, headers: chef.headers })).json() as { items: { id: string; roles: string[] }[] }).items;
    // A case waiting for its beoordeling goes to a beoordelaar (with the chef as the second of a duo), not to the
    // crisis team while the triage did not find it acute (domain/routing.ts, takersByStatus).
    const duo = [(await role('beoordelaar')).find((u) => !u.roles.includes('chef_van_de_dag'))!.id, chef.userId];
    const url = `/api/meldingen/${id}/toewijzing`;
    const crisis = (await role('crisisteam'))[0]!.id;
    expect((await t.app.inject({ method: 'POST', url, headers: chef.headers, payload: { userIds: [crisis] } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url, headers: beoordelaar.headers, payload: { userIds: duo } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url, headers: chef.headers, payload: { userIds: [...duo, beoordelaar.userId] } })).statusCode).toBe(400);
    const wijkteam = (await t.app.inject({ url: '/api/users?role=wijkteam', headers: chef.headers })).json() as { items: { id: string }[] };
    expect((await t.app.inject({ method: 'POST', url, headers: chef.headers, payload: { userIds: [wijkteam.items[0]!.id] } })).statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url, headers: chef.headers, payload: { userIds: duo } });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { assignedTo: string[] }).assignedTo).toEqual(duo);
    const hist = (await t.app.inject({ url: `/api/meldingen/${id}/historie`, headers: chef.headers })).json() as { events: { type: string }[] };
    expect(hist.events.map((e) => e.type)).toContain('toegewezen');
  });

  it('delivers melding.triaged over GET /api/events without names or addresses', async () => {
    const chef = await login(t.app, 'chef@demo.test');
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/events`, { headers: { cookie: chef.cookie }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const body = meldingBody({ veiligheid: { wapen: true } });
    const { reference } = await post(body);
    await until(async () => {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
      return text.includes('event: melding.triaged') && text.includes(reference);
    });
    controller.abort();
    const line = text.split('\n\n').find((b) => b.includes('melding.triaged') && b.includes(reference))!;
    const data = JSON.parse(line.split('data: ')[1]!) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['band', 'id', 'reference', 'route', 'team']);
    expect(data).toMatchObject({ band: 'P1', route: 'crisisteam', team: 'crisisteam' });
    for (const secret of ['Agent Testpersoon', 'Teststraat', 'Slachtoffer', '7511']) expect(text).not.toContain(secret);
  });
});

describe('queue board', () => {
  it('is there for the beheerder only', async () => {
    const board = await createTestApp({ queues: Object.values(workers.queues.queues) });
    try {
      const beheer = await login(board.app, 'beheer@demo.test');
      const chef = await login(board.app, 'chef@demo.test');
      expect((await board.app.inject({ url: '/admin/queues', headers: { cookie: beheer.cookie } })).statusCode).toBe(200);
      expect((await board.app.inject({ url: '/admin/queues/api/queues', headers: { cookie: beheer.cookie } })).statusCode).toBe(200);
      expect((await board.app.inject({ url: '/admin/queues', headers: { cookie: chef.cookie } })).statusCode).toBe(403);
      expect((await board.app.inject({ url: '/admin/queues' })).statusCode).toBe(401);
    } finally {
      await board.close();
    }
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('Redis outage', () => {
  let redisProc: ChildProcess | undefined;
  afterAll(() => void redisProc?.kill('SIGKILL'));

  const startRedis = async (port: number) => {
    redisProc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const r = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    await until(() => r.connect().then(() => r.ping().then(() => true)).catch(() => false), 10_000);
    r.disconnect();
  };

  it('keeps a melding that got its 201 while Redis is down and triages it once Redis returns empty', async () => {
    const port = await freePort();
    await startRedis(port);
    const own = await startWorkers({ databaseUrl: t.db.url, redisUrl: `redis://127.0.0.1:${port}`, log, prefix: `${t.prefix}-outage`, pollMs: 200, reconcileEveryMs: 500, stuckAfterMs: 1000 });
    try {
      // Stop the main test workers' relay from taking these rows: pause it by closing it.
      await workers.close();
      redisProc!.kill('SIGKILL');
      await new Promise((r) => redisProc!.once('exit', r));
      const created = await Promise.all(Array.from({ length: 5 }, () => post(meldingBody())));
      await new Promise((r) => setTimeout(r, 800));
      for (const c of created) expect((await melding(c.id)).triage).toBeNull();
      // Redis comes back with nothing in it.
      await startRedis(port);
      for (const c of created) await triaged(c.id);
      for (const c of created) expect(await triageEvents(c.id)).toBe(1);
    } finally {
      await own.close();
      workers = await startWorkers({ databaseUrl: t.db.url, redisUrl: TEST_REDIS_URL, log, prefix: t.prefix, pollMs: 200 });
    }
  }, 60_000);
});
