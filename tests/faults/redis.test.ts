// Redis faults with real processes: a redis-server of this file's own is killed during intake and comes back
// empty (it keeps nothing on disk). The API process and the workers run against it. Expected: every POST answered
// 201 while Redis is gone (the outbox in Postgres holds the work), and every melding triaged exactly once after
// Redis returns; one Idempotency-Key sent many times at once gives one melding. And the proof that the protection
// is what passes it: with the reconciler switched off, jobs lost with Redis stay lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueues, startRelay, startWorkers } from '@vt/workers';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { useFieldCipher } from '@vt/db';
import { DEMO_API_KEY, testCipher } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { freePort, startServer, until, waitReady, type ServerProcess } from '../support/server-process.ts';

const log = pino({ level: 'silent' });
let db: TestDatabase;
let server: ServerProcess;
let redisPort: number;
let redisUrl: string;
let redis: ChildProcess | undefined;

async function startRedis() {
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  await until(async () => {
    const r = new Redis(redisPort, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    const up = await r.connect().then(() => r.ping().then(() => true)).catch(() => false);
    r.disconnect();
    return up;
  }, 10_000);
}
async function killRedis() {
  const p = redis!;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  // The workers in this process read sealed free text with the keys the API process seals it with.
  useFieldCipher(testCipher);
  db = await createTestDatabase();
  redisPort = await freePort();
  redisUrl = `redis://127.0.0.1:${redisPort}`;
  await startRedis();
  // The API alone (RUN_WORKERS=0): the workers run in this process, so each scenario can choose them.
  server = startServer({ DATABASE_URL: db.url, REDIS_URL: redisUrl, RUN_WORKERS: '0' }, await freePort());
  await waitReady(server);
});
afterAll(async () => {
  if (server?.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  if (redis && redis.exitCode === null) await killRedis();
  await db?.drop();
});

const post = (i: number, headers: Record<string, string> = {}) =>
  fetch(`${server.base}/api/meldingen`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(meldingBody({ toelichting: `redis fault ${i}` })),
  }).then(async (r) => ({ status: r.status, id: r.status === 201 ? ((await r.json()) as { id: string }).id : null }));

async function triageCounts(ids: string[]) {
  return db.handle.db.execute<{ id: string; status: string; events: number }>(sql`
    select m.id, m.status, (select count(*)::int from melding_events e where e.melding_id = m.id and e.type = 'triage_voorgesteld') as events
      from meldingen m where m.id = any(${`{${ids.join(',')}}`}::uuid[])`);
}
const allTriagedOnce = async (ids: string[]) => (await triageCounts(ids)).every((r) => r.events === 1 && r.status !== 'ontvangen');

const workersOn = (o: { reconcileEveryMs: number }) =>
  startWorkers({ databaseUrl: db.url, redisUrl, log, prefix: 'vt', pollMs: 200, reconcileEveryMs: o.reconcileEveryMs, stuckAfterMs: 1000 });

describe('Redis faults', () => {
  it('Redis stopped during intake: every POST is 201, and each melding is triaged exactly once when Redis returns empty', async () => {
    const workers = await workersOn({ reconcileEveryMs: 500 });
    try {
      const first = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i)));
      await killRedis();
      // Intake goes on without Redis: the melding and its outbox row are one Postgres transaction.
      const during = await Promise.all(Array.from({ length: 30 }, (_, i) => post(100 + i)));
      const answers = [...first, ...during];
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
      await startRedis();
      const ids = answers.map((a) => a.id!);
      await until(() => allTriagedOnce(ids), 60_000);
      // And it stays once: the reconciler and the relay do not triage anything a second time.
      await new Promise((r) => setTimeout(r, 2_000));
      expect((await triageCounts(ids)).map((r) => r.events)).toEqual(ids.map(() => 1));
    } finally {
      await workers.close();
    }
  }, 120_000);

  // Jobs that reached Redis and were lost with it: relayed (the outbox row is done) but never run.
  async function jobsLostWithRedis(n: number): Promise<string[]> {
    const producer = { host: '127.0.0.1', port: redisPort, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
    const queues = createQueues(producer, 'vt');
    const publisher = new Redis(redisPort, '127.0.0.1', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    publisher.on('error', () => {});
    const relay = await startRelay({ db: db.handle, queues, publisher, channel: 'vt:events:0', log, pollMs: 100, reconcileEveryMs: 3_600_000 });
    try {
      const answers = await Promise.all(Array.from({ length: n }, (_, i) => post(200 + i)));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
      await relay.drain();
      await until(async () => (await db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where dispatched_at is null`))[0]!.n === 0);
      return answers.map((a) => a.id!);
    } finally {
      await relay.close();
      await queues.close();
      publisher.disconnect();
      await killRedis();
      await startRedis();
    }
  }

  it('Redis restarted empty with jobs in it: the reconciler finds the meldingen still waiting and triages each once', async () => {
    const ids = await jobsLostWithRedis(12);
    const workers = await workersOn({ reconcileEveryMs: 500 });
    try {
      await until(() => allTriagedOnce(ids), 60_000);
    } finally {
      await workers.close();
    }
  }, 120_000);

  it('…and fails without that protection: with the reconciler switched off, the lost jobs stay lost', async () => {
    const ids = await jobsLostWithRedis(6);
    const workers = await workersOn({ reconcileEveryMs: 3_600_000 });
    try {
      await new Promise((r) => setTimeout(r, 5_000));
      expect((await triageCounts(ids)).map((r) => r.status)).toEqual(ids.map(() => 'ontvangen'));
      // Switched back on, it recovers them.
      await workers.relay.reconcile();
      await until(() => allTriagedOnce(ids), 60_000);
    } finally {
      await workers.close();
    }
  }, 120_000);

  it('one Idempotency-Key sent 20 times at once gives one melding, triaged once', async () => {
    const workers = await workersOn({ reconcileEveryMs: 500 });
    try {
      const count = async () => (await db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from meldingen`))[0]!.n;
      const before = await count();
      const answers = await Promise.all(Array.from({ length: 20 }, () => post(999, { 'idempotency-key': 'fault-dup-0001' })));
      const created = answers.filter((a) => a.status === 201);
      // Every answer is the same melding, or a clear 409 while the first is still being stored.
      expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
      expect(new Set(created.map((a) => a.id)).size).toBe(1);
      expect(await count()).toBe(before + 1);
      await until(() => allTriagedOnce([created[0]!.id!]), 30_000);
    } finally {
      await workers.close();
    }
  }, 60_000);
});
