// A worker SIGKILLed in the middle of a triage job: the job's transaction never commits, BullMQ hands the stalled
// job to another worker, and the melding is triaged exactly once.
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createQueues, eventsChannel, redisOptions } from '@vt/workers';
import { createTestApp, partnerHeaders, type TestContext } from '../support/app.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await t.close();
});

async function startWorkerProcess(): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL('../support/worker-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: t.db.url, REDIS_URL: TEST_REDIS_URL, BULL_PREFIX: t.prefix, LOCK_MS: '1500' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return child;
}

async function until(fn: () => Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('triages exactly once when the worker is killed mid-job', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders });
  expect(res.statusCode).toBe(201);
  const { id } = res.json() as { id: string };

  // Hold the melding's row lock, so the worker's job stops inside its transaction.
  const blocker = postgres(t.db.url, { max: 1 });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const held = blocker.begin(async (tx) => {
    await tx`select id from meldingen where id = ${id} for update`;
    await released;
  });

  const first = await startWorkerProcess();
  await until(async () => {
    const rows = await t.db.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where application_name = 'veilig-thuis-workers' and wait_event_type = 'Lock'`,
    );
    return rows[0]!.n > 0;
  });
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));
  release();
  await held;
  await blocker.end();

  await startWorkerProcess();
  await until(async () => {
    const [m] = await t.db.handle.db.execute<{ status: string }>(sql`select status from meldingen where id = ${id}`);
    return m!.status === 'triage_voorgesteld';
  });
  // Give a late duplicate every chance to show up before counting.
  await new Promise((r) => setTimeout(r, 2000));
  const [count] = await t.db.handle.db.execute<{ events: number; voorstellen: number }>(sql`
    select (select count(*)::int from melding_events where melding_id = ${id} and type = 'triage_voorgesteld') as events,
           (select count(*)::int from triage_voorstellen where melding_id = ${id}) as voorstellen`);
  expect(count).toEqual({ events: 1, voorstellen: 1 });
}, 60_000);

it('announces the case when the worker died after its triage committed and before the announcement went out', async () => {
  // Only this test's workers: the first test's (with their relay) are stopped.
  for (const c of children.splice(0)) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders });
  expect(res.statusCode).toBe(201);
  const { id } = res.json() as { id: string };
  // The first worker's announcements go to a server that takes the connection and never answers.
  const silent = createServer(() => {}).listen(0, '127.0.0.1');
  await new Promise((r) => silent.once('listening', r));
  const start = (env: Record<string, string>) => {
    const child = fork(fileURLToPath(new URL('../support/triage-worker-process.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, DATABASE_URL: t.db.url, REDIS_URL: TEST_REDIS_URL, BULL_PREFIX: t.prefix, LOCK_MS: '1500', ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(child);
    return new Promise<ChildProcess>((resolve) => child.once('message', () => resolve(child)));
  };
  const listener = new Redis(TEST_REDIS_URL);
  const heard: string[] = [];
  await listener.subscribe(eventsChannel(t.prefix, 0));
  listener.on('message', (_c, msg: string) => {
    const e = JSON.parse(msg) as { type: string; id: string };
    if (e.type === 'melding.triaged') heard.push(e.id);
  });
  const queues = createQueues(redisOptions(TEST_REDIS_URL, { maxRetriesPerRequest: 1 }), t.prefix);
  try {
    const first = await start({ ANNOUNCE_PORT: String((silent.address() as { port: number }).port) });
    await queues.enqueue('triage-melding', { meldingId: id, run: 1 }, { jobId: `announce-${id}` });
    const triaged = async () => (await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from triage_voorstellen where melding_id = ${id}`))[0]!.n;
    await until(async () => (await triaged()) === 1);
    // Committed, and stuck announcing: nobody has heard of it.
    await new Promise((r) => setTimeout(r, 500));
    expect(heard).toEqual([]);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // The next worker gets the stalled job, finds the triage stored and announces the case as it stands.
    await start({});
    await until(async () => heard.includes(id));
    expect(await triaged()).toBe(1);
  } finally {
    listener.disconnect();
    await queues.close();
    silent.close();
  }
}, 60_000);
