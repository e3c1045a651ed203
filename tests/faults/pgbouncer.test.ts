// Behind a transaction pooler (issue #19): the API through PgBouncer in transaction mode with
// DATABASE_PREPARED_STATEMENTS=0 and MIGRATE_ON_START=0, the worker on a direct connection (its relay LISTENs). A burst
// of meldingen is stored and triaged once, and sign-in, the case read, the queue and the dashboard work through the
// pooler.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBurst } from '../support/burst.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { emptyRedisDb } from '../support/redis-db.ts';
import { pgbouncerBin, startPgbouncer, type Bouncer } from '../support/pgbouncer.ts';
import { triagedSince } from '../support/triaged.ts';
import { freePort, startServer, stopServer, until, waitReady, type ServerProcess } from '../support/server-process.ts';
import { signIn } from '../support/sse.ts';

let db: TestDatabase;
let bouncer: Bouncer;
let api: ServerProcess;
let worker: ChildProcess;
const prefix = `vtbouncer${process.pid}`;

beforeAll(async () => {
  const bin = pgbouncerBin();
  if (!bin) throw new Error('pgbouncer is needed for this test: apt-get install pgbouncer (.ci/run installs it)');
  db = await createTestDatabase();
  bouncer = await startPgbouncer(bin, Number(new URL(db.url).port || 5432));
  const redisUrl = await emptyRedisDb(9);
  api = startServer({ DATABASE_URL: bouncer.url(db.url), DATABASE_PREPARED_STATEMENTS: '0', MIGRATE_ON_START: '0', RUN_WORKERS: '0', REDIS_URL: redisUrl, QUEUE_PREFIX: prefix }, await freePort());
  worker = fork(fileURLToPath(new URL('../support/worker-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: db.url, REDIS_URL: redisUrl, BULL_PREFIX: prefix },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await Promise.all([waitReady(api), new Promise((resolve) => worker.once('message', resolve))]);
}, 120_000);

afterAll(async () => {
  await stopServer(api);
  if (worker?.exitCode === null) worker.kill('SIGKILL');
  await bouncer?.stop();
  await db?.drop();
});

describe('the API through PgBouncer in transaction mode', () => {
  it('takes a burst, signs in, reads cases, the queue and the dashboard, and every melding is triaged once', async () => {
    const dbName = new URL(db.url).pathname.slice(1);
    const before = await bouncer.transactions(dbName);
    const since = new Date();
    const ids = await fileBurst(api.base, 100, 10, 'pooler');
    const chef = await signIn(api.base, 'chef@demo.test');
    const manager = await signIn(api.base, 'manager@demo.test');
    for (const [url, who] of [[`/api/meldingen/${ids[0]}`, chef], ['/api/werkvoorraad', chef], ['/api/dashboard/wachtlijst', manager]] as const) {
      const r = await fetch(`${api.base}${url}`, { headers: { cookie: who.cookie } });
      expect(r.status, url).toBe(200);
    }
    const counts = () => triagedSince(db, since);
    await until(async () => (await counts()).every((m) => m.events >= 1), 60_000);
    const rows = await counts();
    expect(rows).toHaveLength(100);
    expect(rows.filter((m) => m.events !== 1)).toEqual([]);
    // All of it went through the pooler: at least one transaction per melding stored.
    expect((await bouncer.transactions(dbName)) - before).toBeGreaterThanOrEqual(100);
  }, 120_000);
});
