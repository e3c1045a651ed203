// Two-factor sign-in (issue #4): staff whose role reads case files enrol an authenticator app and give a TOTP code
// at every sign-in; until then their session can do nothing else. Outside production the demo users may skip it
// (TOTP_REQUIRED off); in production it cannot be switched off.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../server/src/config.ts';
import { currentTotp } from '../../server/src/services/totp.ts';
import { createTestApp, type TestContext } from '../support/app.ts';
import { DEMO_PASSWORD, TEST_DATA_KEYS, TEST_INDEX_KEYS } from '../support/env.ts';

let t: TestContext;
/** When the enrolment's code was made: its step is used, whatever the clock says by the next test. */
let enrolledAt = 0;
beforeAll(async () => {
  t = await createTestApp({ totpRequired: true });
});
afterAll(() => t.close());

interface SignIn {
  cookie: string;
  csrfToken: string;
  mfa: 'none' | 'verify' | 'enrol';
  headers: Record<string, string>;
}

const cookieOf = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;

async function signIn(email: string): Promise<SignIn> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  const body = res.json() as { csrfToken: string; mfa: SignIn['mfa'] };
  const cookie = cookieOf(res.headers['set-cookie']);
  return { cookie, csrfToken: body.csrfToken, mfa: body.mfa, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

describe('TOTP two-factor sign-in', () => {
  let secret = '';

  it('sends a case-reading role without an authenticator app to enrolment, and lets it do nothing else', async () => {
    const s = await signIn('beoordelaar@demo.test');
    expect(s.mfa).toBe('enrol');
    const blocked = await t.app.inject({ url: '/api/werkvoorraad', headers: s.headers });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json()).toMatchObject({ code: 'MFA_REQUIRED' });
    expect((await t.app.inject({ url: '/api/meldingen', headers: s.headers })).statusCode).toBe(401);
    const session = await t.app.inject({ url: '/api/auth/session', headers: s.headers });
    expect(session.json()).toMatchObject({ mfa: 'enrol' });

    const enrol = await post('/api/auth/totp/enrol', s.headers);
    expect(enrol.statusCode).toBe(200);
    const e = enrol.json() as { secret: string; uri: string; qrSvg: string };
    expect(e.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(e.qrSvg).toContain('<svg');
    expect(enrol.headers['cache-control']).toBe('no-store');
    secret = e.secret;

    // The secret is stored sealed with the data key, never in clear text.
    const [row] = await t.db.handle.db.execute<{ totp_secret: string }>(sql`select totp_secret from users where email = 'beoordelaar@demo.test'`);
    expect(row!.totp_secret.startsWith('enc1:test:')).toBe(true);
    expect(row!.totp_secret).not.toContain(secret);

    const wrong = await post('/api/auth/totp/confirm', s.headers, { code: currentTotp(secret, Date.now() - 10 * 60_000) });
    expect(wrong.statusCode).toBe(400);

    enrolledAt = Date.now();
    const ok = await post('/api/auth/totp/confirm', s.headers, { code: currentTotp(secret, enrolledAt) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ mfa: 'none' });
    // A new session id once the second factor is proven; the half-signed-in one is gone.
    const full = cookieOf(ok.headers['set-cookie']);
    expect(full).not.toBe(s.cookie);
    expect((await t.app.inject({ url: '/api/werkvoorraad', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/werkvoorraad', headers: { cookie: full } })).statusCode).toBe(200);
  });

  it('asks for a code at the next sign-in and refuses a code that was used already', async () => {
    const s = await signIn('beoordelaar@demo.test');
    expect(s.mfa).toBe('verify');
    // The same code as the enrolment's is a replay (even when a new 30 s step began since).
    const replay = await post('/api/auth/totp', s.headers, { code: currentTotp(secret, enrolledAt) });
    expect(replay.statusCode).toBe(400);
    // The next step's code (one step of clock drift is allowed) is fresh.
    const next = await post('/api/auth/totp', s.headers, { code: currentTotp(secret, Date.now() + 30_000) });
    expect(next.statusCode).toBe(200);
    const full = cookieOf(next.headers['set-cookie']);
    expect((await t.app.inject({ url: '/api/werkvoorraad', headers: { cookie: full } })).statusCode).toBe(200);
    // The CSRF token of the half-signed-in session is replaced with the session id (issue #14, finding 12).
    const csrf = (next.json() as { csrfToken: string }).csrfToken;
    expect(csrf).not.toBe(s.csrfToken);
    expect((await post('/api/auth/totp/enrol', { cookie: full, 'x-csrf-token': s.csrfToken })).statusCode).toBe(403);
    // Enrolling again is not possible once enabled (the beheerder resets a lost app).
    expect((await post('/api/auth/totp/enrol', { cookie: full, 'x-csrf-token': csrf })).statusCode).toBe(409);
  });

  it('counts wrong codes per account over all its sessions: the fifth locks the second factor, with back-off, and the next sign-in starts over', async () => {
    const bad = { code: '000000' };
    // Four wrong codes in one session, then a new sign-in: the count goes on (a right password resets nothing here).
    const first = await signIn('beoordelaar@demo.test');
    for (let i = 0; i < 4; i++) expect((await post('/api/auth/totp', first.headers, bad)).statusCode).toBe(400);
    const second = await signIn('beoordelaar@demo.test');
    const locked = await post('/api/auth/totp', second.headers, bad);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    // Every half-signed-in session of the account is gone, and the right password does not open a new one while locked.
    for (const s of [first, second]) expect((await t.app.inject({ url: '/api/auth/session', headers: s.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'beoordelaar@demo.test', password: DEMO_PASSWORD } })).statusCode).toBe(429);
    const [denied] = await t.db.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'login' and result = 'denied' and purpose = 'mfa:totp'`,
    );
    expect(denied!.n).toBeGreaterThanOrEqual(5);
    // The lock ends (here: taken out of Redis); sign-in starts with the password again. Five more wrong codes lock
    // it for twice as long.
    const lockKeys = await t.redis.keys(`${t.prefix}:totp:lock:*`);
    expect(lockKeys).toHaveLength(1);
    await t.redis.del(lockKeys[0]!);
    const third = await signIn('beoordelaar@demo.test');
    expect(third.mfa).toBe('verify');
    for (let i = 0; i < 4; i++) expect((await post('/api/auth/totp', third.headers, bad)).statusCode).toBe(400);
    expect(Number((await post('/api/auth/totp', third.headers, bad)).headers['retry-after'])).toBe(30 * 60);
    await t.redis.del(lockKeys[0]!);
  });

  it('meets a burst of codes sent at once with the same limit as a sequence', async () => {
    const s = await signIn('beoordelaar@demo.test');
    const answers = await Promise.all(Array.from({ length: 30 }, () => post('/api/auth/totp', s.headers, { code: '000000' })));
    const codes = answers.map((a) => a.statusCode);
    // At most four checked and wrong, the fifth locks; the rest meet the lock (429) or the ended session (401).
    expect(codes.filter((c) => c === 400).length).toBeLessThanOrEqual(4);
    expect(codes.every((c) => c === 400 || c === 429 || c === 401)).toBe(true);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(1);
    for (const k of await t.redis.keys(`${t.prefix}:totp:*`)) await t.redis.del(k);
  });

  it('rejects a code that is not six digits with a 400 in the contract shape', async () => {
    const s = await signIn('chef@demo.test');
    const res = await post('/api/auth/totp/confirm', s.headers, { code: '12ab' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
  });

  it('lets the beheerder reset a lost authenticator app: sessions end, the user enrols again', async () => {
    // The beheerder enrols first (it manages access, so it needs the second factor too).
    const b = await signIn('beheer@demo.test');
    expect(b.mfa).toBe('enrol');
    const key = ((await post('/api/auth/totp/enrol', b.headers)).json() as { secret: string }).secret;
    const done = await post('/api/auth/totp/confirm', b.headers, { code: currentTotp(key) });
    const beheer = { cookie: cookieOf(done.headers['set-cookie']), 'x-csrf-token': (done.json() as { csrfToken: string }).csrfToken };
    const users = (await t.app.inject({ url: '/api/admin/users', headers: beheer })).json() as { items: { id: string; email: string; tweestaps: boolean }[] };
    const target = users.items.find((u) => u.email === 'beoordelaar@demo.test')!;
    expect(target.tweestaps).toBe(true);
    const reset = await post(`/api/admin/users/${target.id}/tweestaps-herstellen`, beheer);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ tweestaps: false });
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'beoordelaar@demo.test', password: DEMO_PASSWORD } });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as { mfa: string }).mfa).toBe('enrol');
  });

  it('lets the manager (aggregates only) sign in without a second factor', async () => {
    const s = await signIn('manager@demo.test');
    expect(s.mfa).toBe('none');
  });
});

describe('TOTP and key configuration', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db', REDIS_URL: 'redis://h:6379', SMTP_URL: 'smtp://mail.example.nl:587', PUBLIC_URL: 'https://backoffice.example.nl' };

  it('is always on in production and cannot be switched off there', () => {
    const keys = { DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS, BLIND_INDEX_KEYS: TEST_INDEX_KEYS };
    expect(loadConfig({ ...base, ...keys }).totpRequired).toBe(true);
    expect(() => loadConfig({ ...base, ...keys, TOTP_REQUIRED: 'false' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'development' }).totpRequired).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', TOTP_REQUIRED: 'true' }).totpRequired).toBe(true);
  });

  it('needs data-encryption keys in production, and well-formed ones everywhere', () => {
    expect(() => loadConfig(base)).toThrow(/DATA_ENCRYPTION_KEYS is required/);
    expect(() => loadConfig({ NODE_ENV: 'development', DATA_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(() => loadConfig({ NODE_ENV: 'development', DATA_ENCRYPTION_KEYS: 'nokey' })).toThrow(ConfigError);
    // The blind-index key is a key of its own, required in production and checked the same way.
    expect(() => loadConfig({ ...base, DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS })).toThrow(/BLIND_INDEX_KEYS is required/);
    expect(() => loadConfig({ NODE_ENV: 'development', BLIND_INDEX_KEYS: 'i1:c2hvcnQ=' })).toThrow(/BLIND_INDEX_KEYS: key "i1" must be 32 bytes/);
  });
});
