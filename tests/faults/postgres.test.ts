// Postgres refused at start-up and lost mid-run: the API answers 503 with Retry-After while it is gone, start-up
// waits for it, and both recover by themselves when it is back.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@vt/db';
import { buildApp } from '@vt/server';
import { testCipher } from '../support/env.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_REDIS_URL } from '../support/env.ts';
import { meldingBody } from '../support/fixtures.ts';
import { partnerHeaders } from '../support/app.ts';
import { startProxy, type FaultProxy } from '../support/proxy.ts';
import { freePort, startServer, waitReady } from '../support/server-process.ts';

let db: TestDatabase;
let proxy: FaultProxy;
beforeAll(async () => {
  db = await createTestDatabase();
  proxy = await startProxy(Number(new URL(db.url).port || 5432));
});
afterAll(async () => {
  await proxy.close();
  await db.drop();
});

describe('Postgres lost mid-run', () => {
  it('answers 503 with Retry-After while Postgres is gone and recovers by itself', async () => {
    const handle = createDb(proxy.url(db.url), { max: 4 });
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const app = await buildApp({
      config: { nodeEnv: 'test', logLevel: 'silent', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false },
      db: handle,
      cipher: testCipher,
      redis,
      webRoot: false,
    });
    const post = () => app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders });
    try {
      expect((await post()).statusCode).toBe(201);
      await proxy.cut();
      const down = await post();
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBeDefined();
      expect(down.json()).toMatchObject({ code: 'UNAVAILABLE' });
      expect(down.body).not.toMatch(/ECONNREFUSED|postgres|5432/i);
      const ready = await app.inject('/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect((ready.json() as { postgres: string }).postgres).toBe('down');
      await proxy.restore();
      const again = await post();
      expect(again.statusCode).toBe(201);
    } finally {
      await app.close();
      redis.disconnect();
      await handle.close();
    }
  });
});

describe('Postgres refused at start-up', () => {
  it('waits for Postgres instead of crashing, answers health meanwhile (live 200, ready 503), and serves once it is there', async () => {
    await proxy.cut();
    const port = await freePort();
    const server = startServer({ DATABASE_URL: proxy.url(db.url), REDIS_URL: `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/6` }, port);
    try {
      // However long the start-up takes on this machine: it reaches Postgres, finds it gone, and keeps waiting.
      const until = Date.now() + 60_000;
      while (!server.output().includes('waiting for Postgres') && server.child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1500));
      expect(server.child.exitCode).toBeNull();
      // The port is taken from the first moment: a load balancer sees the process live but not ready, and why.
      expect(await fetch(`${server.base}/api/health/live`).then((r) => r.status, () => 0)).toBe(200);
      const ready = await fetch(`${server.base}/api/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'starting', postgres: 'down', redis: 'down' });
      const other = await fetch(`${server.base}/api/werkvoorraad`);
      expect(other.status).toBe(503);
      expect(other.headers.get('retry-after')).toBe('5');
      expect(await other.json()).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
      const page = await fetch(`${server.base}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('De backoffice start op');
      await proxy.restore();
      await waitReady(server);
      expect(server.output()).toContain('waiting for Postgres');
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited, server.output()).toBe(0);
    }
  }, 90_000);
});
