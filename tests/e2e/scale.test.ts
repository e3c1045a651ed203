// The chef's day on two API processes behind a load balancer (issue #19), in the browser: signed in through one
// address, the werkvoorraad hears a partner's melding live whichever process took it; each API process is SIGKILLed in
// turn, and the chef's page keeps working on the other: the session holds (it is in Postgres), the live connection
// comes back by itself, reads again, and the next meldingen appear without a reload.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBalancer, type Balancer } from '../support/balancer.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { emptyRedisDb } from '../support/redis-db.ts';
import { fillSignIn, launchChromium } from '../support/e2e.ts';
import { DEMO_API_KEY } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { freePort, startServer, waitReady, type ServerProcess } from '../support/server-process.ts';

let db: TestDatabase;
let apis: ServerProcess[] = [];
let worker: ChildProcess;
let balancer: Balancer;
let env: Record<string, string>;
let browser: Browser;
const prefix = `vte2escale${process.pid}`;

beforeAll(async () => {
  db = await createTestDatabase();
  const redisUrl = await emptyRedisDb(8);
  env = { DATABASE_URL: db.url, REDIS_URL: redisUrl, RUN_WORKERS: '0', QUEUE_PREFIX: prefix, DATA_DIR: mkdtempSync(join(tmpdir(), 'vt-e2e-scale-')) };
  apis = [startServer(env, await freePort()), startServer(env, await freePort())];
  worker = fork(fileURLToPath(new URL('../support/worker-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: db.url, REDIS_URL: redisUrl, BULL_PREFIX: prefix },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await Promise.all([...apis.map((a) => waitReady(a)), new Promise((resolve) => worker.once('message', resolve))]);
  balancer = await startBalancer(apis.map((a) => Number(new URL(a.base).port)));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await balancer?.close();
  for (const a of apis) if (a.child.exitCode === null) a.child.kill('SIGKILL');
  if (worker?.exitCode === null) worker.kill('SIGKILL');
  await db?.drop();
});

const partnerMelding = async () => {
  const res = await fetch(`${balancer.base}/api/meldingen`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(meldingBody({ veiligheid: { wapen: true } })),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
};

describe('two API processes behind one address', () => {
  it("the chef's werkvoorraad stays live when the API process it was talking to is killed, and the other one too", async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await page.goto(`${balancer.base}/login`);
    await fillSignIn(page, 'chef@demo.test');
    await page.goto(`${balancer.base}/werkvoorraad`);
    await expect.poll(() => page.getByText('Live bijgewerkt').count()).toBe(1);

    // Several meldingen, spread over both processes by the balancer: each appears live.
    const before = [await partnerMelding(), await partnerMelding(), await partnerMelding()];
    for (const reference of before) await page.locator(`tr[data-reference="${reference}"]`).waitFor({ timeout: 10_000 });

    // Each process is killed in turn (the first one started again on its port in between), so whichever one holds
    // the page's live connection, it drops once and comes back on the other; what arrives then shows.
    let after: string[] = [];
    for (const victim of [0, 1]) {
      apis[victim]!.child.kill('SIGKILL');
      await apis[victim]!.exited;
      after = [await partnerMelding(), await partnerMelding()];
      for (const reference of after) await page.locator(`tr[data-reference="${reference}"]`).waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByText('Live bijgewerkt').count(), { timeout: 10_000 }).toBe(1);
      if (victim === 0) {
        apis[0] = startServer(env, Number(new URL(apis[0]!.base).port));
        await waitReady(apis[0]);
      }
    }
    // Still signed in after a reload: the session is the database's, not the dead process's.
    await page.reload();
    await page.locator(`tr[data-reference="${after[1]}"]`).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe('/werkvoorraad');
    await context.close();
  }, 120_000);
});
