// A worker SIGKILLed in the middle of a triage job: the job's transaction never commits, BullMQ hands the stalled
// job to another worker, and the melding is triaged exactly once.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
