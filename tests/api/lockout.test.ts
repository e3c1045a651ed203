// Sign-in throttling (api.md, Auth; issue #4): the same 401 for an unknown account and a wrong password; 429 with
// Retry-After after 5 failures for one account within 15 minutes, and after 100 attempts from one address.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/app.ts';
import { DEMO_PASSWORD } from '../support/env.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const attempt = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

describe('sign-in throttling', () => {
  it('answers an unknown account exactly as a wrong password', async () => {
    const unknown = await attempt('niemand@demo.test', 'wat-dan-ook-123', '10.0.1.1');
    const wrong = await attempt('medewerker@demo.test', 'fout-wachtwoord-123', '10.0.1.1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks an account after 5 failures, even for the right password, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('gw@demo.test', `fout-${i}-wachtwoord`, `10.0.2.${i}`)).statusCode).toBe(401);
    const locked = await attempt('gw@demo.test', DEMO_PASSWORD, '10.0.2.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts are not affected.
    expect((await attempt('crisis@demo.test', DEMO_PASSWORD, '10.0.2.99')).statusCode).toBe(200);
  });

  it('does not count successful sign-ins as failures', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++) expect((await attempt('chef@demo.test', 'fout-wachtwoord-xyz', '10.0.3.1')).statusCode).toBe(401);
      expect((await attempt('chef@demo.test', DEMO_PASSWORD, '10.0.3.1')).statusCode).toBe(200);
    }
  });

  it('throttles one address after 100 attempts, whatever the accounts', async () => {
    for (let i = 0; i < 100; i++) expect((await attempt(`onbekend${i}@demo.test`, 'x', '10.0.4.1')).statusCode).toBe(401);
    expect((await attempt('adviseur@demo.test', DEMO_PASSWORD, '10.0.4.1')).statusCode).toBe(429);
    expect((await attempt('adviseur@demo.test', DEMO_PASSWORD, '10.0.4.2')).statusCode).toBe(200);
  });
});

describe('sign-in limits under a burst, and the work a refusal costs (issue #14)', () => {
  it('checks at most 5 of 30 wrong passwords sent at once, and then refuses the right one too', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt('manager@demo.test', `fout-${i}-wachtwoord`, `10.0.5.${i}`)));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(25);
    expect((await attempt('manager@demo.test', DEMO_PASSWORD, '10.0.5.99')).statusCode).toBe(429);
  });

  it('limits checks of the current password when changing it, like sign-in', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'beoordelaar@demo.test', password: DEMO_PASSWORD }, remoteAddress: '10.0.6.1' });
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': (ok.json() as { csrfToken: string }).csrfToken };
    const change = (huidig: string) => t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord', headers, payload: { huidig, nieuw: 'Een-heel-nieuw-wachtwoord-2026' } });
    for (let i = 0; i < 5; i++) expect((await change(`fout-${i}-wachtwoord`)).statusCode).toBe(400);
    const limited = await change(DEMO_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does the same work for an unknown account as for a wrong password: one hash, one audit row', async () => {
    const count = async () => {
      const [r] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'login' and result = 'denied'`);
      return r!.n;
    };
    const a = await count();
    expect((await attempt('nobody-at-all@demo.test', 'fout-wachtwoord-1', '10.0.7.1')).statusCode).toBe(401);
    const b = await count();
    expect((await attempt('crisis@demo.test', 'fout-wachtwoord-1', '10.0.7.1')).statusCode).toBe(401);
    const c = await count();
    expect([b - a, c - b]).toEqual([1, 1]);
  });
});
