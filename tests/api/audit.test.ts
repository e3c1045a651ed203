// The audit trail: every case read leaves exactly one row, the privacy officer can read the trail (and that read
// is logged too), and the application cannot rewrite history.
import { sql } from 'drizzle-orm';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@vt/server';
import { testCipher } from '../support/env.ts';
import { createTestApp, login, partnerHeaders, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('shows the privacy officer who read a case, and logs that look as well', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string };
    const beoordelaar = await login(t.app, 'beoordelaar@demo.test');
    await t.app.inject({ url: `/api/meldingen/${id}`, headers: beoordelaar.headers });
    const privacy = await login(t.app, 'privacy@demo.test');
    const res = await t.app.inject({ url: `/api/audit?meldingId=${id}`, headers: privacy.headers });
    expect(res.statusCode).toBe(200);
    const entries = (res.json() as { entries: { action: string; actorId: string; subject: { id: string } }[] }).entries;
    expect(entries.filter((e) => e.action === 'read' && e.actorId === beoordelaar.userId)).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'create')).toHaveLength(1);
    const [own] = await t.db.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where subject_type = 'audit_log' and actor_id = ${privacy.userId} and action = 'search'`,
    );
    expect(own!.n).toBe(1);
    expect((await t.app.inject({ url: '/api/audit', headers: beoordelaar.headers })).statusCode).toBe(403);
  });

  it('filters by reference and action, names the staff, and exports a page as CSV, which is audited as an export', async () => {
    const { id, reference } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string; reference: string };
    const beoordelaar = await login(t.app, 'beoordelaar@demo.test');
    await t.app.inject({ url: `/api/meldingen/${id}`, headers: beoordelaar.headers });
    const privacy = await login(t.app, 'privacy@demo.test');
    const reads = (await t.app.inject({ url: `/api/audit?reference=${reference}&action=read`, headers: privacy.headers })).json() as { entries: { action: string; actorNaam: string | null; subject: { id: string } }[] };
    expect(reads.entries.length).toBeGreaterThanOrEqual(1);
    for (const e of reads.entries) expect(e).toMatchObject({ action: 'read', subject: { id } });
    expect(reads.entries[0]!.actorNaam).toBeTruthy();
    const csv = await t.app.inject({ url: `/api/audit?reference=${reference}`, headers: { ...privacy.headers, accept: 'text/csv' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,actorId,actorNaam,actorType,role,action,subjectType,subjectId,purpose,result,ip,breakGlassId');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const [exported] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_type = 'audit_log' and actor_id = ${privacy.userId} and action = 'export'`);
    expect(exported!.n).toBe(1);
    // A reference that is not one is refused in the contract's shape.
    expect((await t.app.inject({ url: '/api/audit?reference=x', headers: privacy.headers })).statusCode).toBe(400);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows with the application credentials', async () => {
    const db = t.db.handle.db;
    await expect(db.execute(sql`update audit_log set result = 'success'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [n] = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(n!.n).toBeGreaterThan(0);
  });
});

describe('logs', () => {
  it('carry no personal data, credentials or free text, also when a request fails', async () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, cb) => ((out += String(chunk)), cb()) });
    const app = await buildApp({
      config: { nodeEnv: 'test', logLevel: 'debug', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false },
      db: t.db.handle,
      cipher: testCipher,
      redis: t.redis,
      webRoot: false,
      redisKeyPrefix: `${t.prefix}-logs:`,
      loggerInstance: pino({ level: 'debug' }, sink),
    });
    const sentinel = 'Zwartvoet-Sentinel';
    const body = meldingBody({
      melder: { type: 'niet_professional', naam: `${sentinel} Melder`, telefoon: '06 1234 5678', anoniemNaarHuishouden: true },
      betrokkenen: [{ rol: 'slachtoffer', voornaam: sentinel, achternaam: 'Slachtoffer' }],
      toelichting: `${sentinel} vertelt over het geweld`,
    });
    const created = (await app.inject({ method: 'POST', url: '/api/meldingen', payload: body, headers: partnerHeaders })).json() as { id: string };
    await app.inject({ method: 'POST', url: '/api/meldingen', payload: { ...body, onbekend: sentinel }, headers: partnerHeaders });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'chef@demo.test', password: `${sentinel}-wachtwoord` } });
    const s = await login(app, 'chef@demo.test');
    await app.inject({ url: `/api/meldingen?gemeente=GM0153`, headers: s.headers });
    await app.inject({ url: `/api/meldingen/${created.id}`, headers: s.headers });
    await app.close();
    expect(out.length).toBeGreaterThan(0);
    for (const secret of [sentinel, '06 1234 5678', 'demo-politie-key', s.cookie.split('=')[1]!, s.csrfToken]) expect(out).not.toContain(secret);
    // Route patterns, not URLs: no query string, no id; no client address (the audit trail keeps it).
    expect(out).toContain('"route":"/api/meldingen/:id"');
    for (const leak of ['gemeente=GM0153', created.id, '127.0.0.1']) expect(out).not.toContain(leak);
  });
});

describe('switching an account off', () => {
  it('ends all its sessions at once and refuses new logins, until it is switched on again', async () => {
    const a = await login(t.app, 'crisis@demo.test');
    const b = await login(t.app, 'crisis@demo.test');
    const beheer = await login(t.app, 'beheer@demo.test');
    const off = await t.app.inject({ method: 'POST', url: `/api/admin/users/${a.userId}/uitschakelen`, headers: beheer.headers });
    expect(off.statusCode).toBe(200);
    expect((off.json() as { disabledAt: string | null }).disabledAt).not.toBeNull();
    for (const s of [a, b]) expect((await t.app.inject({ url: '/api/auth/session', headers: s.headers })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'crisis@demo.test', password: 'demo-veilig-thuis' } });
    expect(again.statusCode).toBe(401);
    const chef = await login(t.app, 'chef@demo.test');
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${a.userId}/inschakelen`, headers: chef.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${a.userId}/inschakelen`, headers: beheer.headers })).statusCode).toBe(200);
    await login(t.app, 'crisis@demo.test');
  });
});
