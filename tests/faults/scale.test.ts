// Beyond one machine (issue #19, acceptance 1): two API processes and two worker processes on one Postgres and one
// Redis, as a load balancer would spread them. A burst of meldingen through both APIs is triaged exactly once; a
// chef's live stream on either API hears of every melding, wherever it was filed and whichever worker triaged it,
// and an adviseur's hears of none of them (the record rule); then one API and one worker are SIGKILLed mid-burst and
// nothing that got its 201 is lost or triaged twice. Sized for 2 cores: four small processes, a few hundred POSTs.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { emptyRedisDb } from '../support/redis-db.ts';
import { DEMO_API_KEY } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { freePort, startServer, until, waitReady, type ServerProcess } from '../support/server-process.ts';
import { openEvents, signIn, type EventStream } from '../support/sse.ts';
import { triagedSince } from '../support/triaged.ts';

let db: TestDatabase;
let redisUrl: string;
const prefix = `vtscale${process.pid}`;
const apis: ServerProcess[] = [];
const workers: ChildProcess[] = [];
const streams: EventStream[] = [];

function startWorker(): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL('../support/worker-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    // A killed worker's running job comes back after its lock (2 s) through BullMQ's stalled-job check.
    env: { ...process.env, DATABASE_URL: db.url, REDIS_URL: redisUrl, BULL_PREFIX: prefix, LOCK_MS: '2000' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  redisUrl = await emptyRedisDb(10 + Math.floor(Math.random() * 5));
  // The APIs run no workers of their own: the two worker processes do all the triage.
  const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl, RUN_WORKERS: '0', QUEUE_PREFIX: prefix };
  const [a, b] = await Promise.all([freePort(), freePort()]);
  apis.push(startServer(env, a), startServer(env, b));
  await Promise.all([...apis.map((s) => waitReady(s)), startWorker(), startWorker()]);
}, 120_000);

afterAll(async () => {
  for (const s of streams) s.close();
  for (const s of apis) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await db.drop();
});

const post = (base: string, i: number) =>
  fetch(`${base}/api/meldingen`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(meldingBody({ toelichting: `schaal ${i}` })),
  }).then(
    async (r) => ({ status: r.status, id: r.status === 201 ? ((await r.json()) as { id: string }).id : null }),
    () => ({ status: 0, id: null }),
  );

const triaged = (since: Date) => triagedSince(db, since);

describe('two API and two worker processes', () => {
  it('a burst through both APIs is triaged exactly once, and every chef on either API hears of every melding', async () => {
    const [a, b] = apis as [ServerProcess, ServerProcess];
    const chefA = openEvents(a.base, await signIn(a.base, 'chef@demo.test'));
    const chefB = openEvents(b.base, await signIn(b.base, 'chef@demo.test'));
    const adviseur = openEvents(b.base, await signIn(b.base, 'adviseur@demo.test'));
    streams.push(chefA, chefB, adviseur);
    await Promise.all([chefA.opened, chefB.opened, adviseur.opened]);

    const since = new Date();
    let next = 0;
    const results = await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        const out: { status: number; id: string | null }[] = [];
        // Round robin, as a load balancer would: even lanes to A, odd lanes to B.
        while (next < 120) out.push(await post(lane % 2 ? b.base : a.base, next++));
        return out;
      }),
    ).then((r) => r.flat());
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const ids = results.map((r) => r.id!);

    await until(async () => (await triaged(since)).every((m) => m.events >= 1) && chefA.idsOf('melding.triaged').size >= ids.length && chefB.idsOf('melding.triaged').size >= ids.length, 60_000);
    const rows = await triaged(since);
    expect(rows).toHaveLength(ids.length);
    expect(rows.filter((m) => m.events !== 1)).toEqual([]);
    for (const chef of [chefA, chefB]) {
      expect([...chef.idsOf('melding.triaged')].sort()).toEqual([...ids].sort());
      expect(ids.filter((id) => !chef.idsOf('melding.received').has(id))).toEqual([]);
    }
    // The police's meldingen are not the adviseur's: its stream stays silent about them, whichever API it is on.
    expect(adviseur.events.filter((e) => e.id && ids.includes(e.id))).toEqual([]);
  }, 120_000);

  it('one API and one worker SIGKILLed mid-burst: every 201 is stored and triaged exactly once, the other chef hears of all', async () => {
    const [a, b] = apis as [ServerProcess, ServerProcess];
    const chefB = openEvents(b.base, await signIn(b.base, 'chef@demo.test'));
    streams.push(chefB);
    await chefB.opened;
    const since = new Date();
    const results: { status: number; id: string | null }[] = [];
    let next = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        while (next < 200) {
          const i = next++;
          // Once A is gone the load balancer sends everything to B; what was on its way to A is refused.
          const r = await post(lane % 2 || killed ? b.base : a.base, i);
          results.push(r);
          if (!killed && results.filter((x) => x.status === 201).length >= 60) {
            killed = true;
            a.child.kill('SIGKILL');
            workers[0]!.kill('SIGKILL');
          }
        }
      }),
    );
    await a.exited;
    expect(results.map((r) => r.status).filter((s) => s !== 201 && s !== 0)).toEqual([]);
    const accepted = results.filter((r) => r.status === 201).map((r) => r.id!);
    expect(accepted.length).toBeGreaterThan(150);

    // The surviving worker relays what A stored but never enqueued and takes over the killed worker's jobs.
    await until(async () => (await triaged(since)).every((m) => m.events >= 1) && accepted.every((id) => chefB.idsOf('melding.triaged').has(id)), 90_000);
    const rows = await triaged(since);
    const stored = new Set(rows.map((m) => m.id));
    expect(accepted.filter((id) => !stored.has(id))).toEqual([]);
    // A melding stored by A whose 201 the kill swallowed is there too, and triaged once like the rest.
    expect(rows.filter((m) => m.events !== 1)).toEqual([]);
  }, 150_000);
});
