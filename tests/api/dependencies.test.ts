// When a dependency is down the API says so (503 with Retry-After) instead of failing open or with a 500, and a
// melding still gets its 201: intake needs Postgres only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, partnerHeaders, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  // Nothing listens on port 1: Redis is "down" for this app.
  t = await createTestApp({ redisUrl: 'redis://127.0.0.1:1' });
});
afterAll(() => t.close());

it('reports Redis down on the readiness check', async () => {
  const res = await t.app.inject('/api/health/ready');
  expect(res.statusCode).toBe(503);
  expect(res.json()).toEqual({ status: 'ready', postgres: 'ok', redis: 'down' });
});

it('refuses logins with a 503 rather than skipping the lockout check', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'chef@demo.test', password: 'demo-veilig-thuis' } });
  expect(res.statusCode).toBe(503);
  expect(res.headers['retry-after']).toBeDefined();
  expect(res.json()).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
});

it('still accepts meldingen from partner systems: they wait in the outbox', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders });
  expect(res.statusCode).toBe(201);
});
