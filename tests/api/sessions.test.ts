// Staff sessions (issue #4): a new id at every login, idle timeout 30 min, absolute timeout 12 h, logout on the
// server, and the idle clock moved on by use without a write on every request.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '@vt/db';
import { createTestApp, login, type TestContext } from '../support/app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (cookie: string) => t.app.inject({ url: '/api/auth/session', headers: { cookie } });
const token = (cookie: string) => decodeURIComponent(cookie.split('=')[1]!);

async function shift(cookie: string, set: { lastSeenMinutesAgo?: number; expiresMinutesFromNow?: number }) {
  const db = t.db.handle.db;
  const idHash = sha256(token(cookie));
  if (set.lastSeenMinutesAgo !== undefined) {
    await db.execute(sql`update sessions set last_seen_at = now() - make_interval(mins => ${set.lastSeenMinutesAgo}) where id_hash = ${idHash}`);
  }
  if (set.expiresMinutesFromNow !== undefined) {
    await db.execute(sql`update sessions set expires_at = now() + make_interval(mins => ${set.expiresMinutesFromNow}) where id_hash = ${idHash}`);
  }
}

async function lastSeen(cookie: string): Promise<Date> {
  const [row] = await t.db.handle.db.execute<{ at: string }>(sql`select last_seen_at::text as at from sessions where id_hash = ${sha256(token(cookie))}`);
  return new Date(row!.at.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

describe('sessions', () => {
  it('gives a new session id at every login and keeps only its hash', async () => {
    const a = await login(t.app, 'beoordelaar@demo.test');
    const b = await login(t.app, 'beoordelaar@demo.test');
    expect(a.cookie).not.toBe(b.cookie);
    const [row] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from sessions where id_hash = ${token(a.cookie)}`);
    expect(row!.n).toBe(0);
    expect((await me(a.cookie)).statusCode).toBe(200);
  });

  it('ends a session idle for more than 30 minutes, not one idle for 29', async () => {
    const s = await login(t.app, 'beoordelaar@demo.test');
    await shift(s.cookie, { lastSeenMinutesAgo: 29 });
    expect((await me(s.cookie)).statusCode).toBe(200);
    await shift(s.cookie, { lastSeenMinutesAgo: 31 });
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('moves the idle clock on when used, but writes it at most once a minute', async () => {
    const s = await login(t.app, 'beoordelaar@demo.test');
    await shift(s.cookie, { lastSeenMinutesAgo: 20 });
    expect((await me(s.cookie)).statusCode).toBe(200);
    const touched = await lastSeen(s.cookie);
    expect(Date.now() - touched.getTime()).toBeLessThan(10_000);
    // Used again within the minute: no new write.
    await t.db.handle.db.execute(sql`update sessions set last_seen_at = last_seen_at - interval '10 seconds' where id_hash = ${sha256(token(s.cookie))}`);
    const before = await lastSeen(s.cookie);
    expect((await me(s.cookie)).statusCode).toBe(200);
    expect((await lastSeen(s.cookie)).getTime()).toBe(before.getTime());
  });

  it('ends a session at its absolute timeout however busy it is', async () => {
    const s = await login(t.app, 'beoordelaar@demo.test');
    const [row] = await t.db.handle.db.execute<{ hours: number }>(
      sql`select round(extract(epoch from expires_at - created_at) / 3600)::int as hours from sessions where id_hash = ${sha256(token(s.cookie))}`,
    );
    expect(row!.hours).toBe(12);
    await shift(s.cookie, { expiresMinutesFromNow: -1 });
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('logs out on the server: the old cookie is worthless afterwards', async () => {
    const s = await login(t.app, 'beoordelaar@demo.test');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect((await me(s.cookie)).statusCode).toBe(401);
  });
});
