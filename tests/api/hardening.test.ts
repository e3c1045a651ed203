// Browser security headers, IDOR on every :id route and list, and injection probes (issue #4).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@vt/server';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { testCipher } from '../support/env.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let enschede: Session;
let hengelo: Session;
let adviseur: Session;
let chef: Session;
let beoordelaar: Session;
let hengeloCase = '';
let hengeloOverdracht = '';
let hengeloThv = '';
let chefAdvies = '';
let partnerCase = '';

beforeAll(async () => {
  t = await createTestApp();
  enschede = await login(t.app, 'wijkteam.enschede@demo.test');
  hengelo = await login(t.app, 'wijkteam.hengelo@demo.test');
  adviseur = await login(t.app, 'adviseur@demo.test');
  chef = await login(t.app, 'chef@demo.test');
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  const body = meldingBody({ huishouden: { adres: { straat: 'Enschedesestraat', huisnummer: '9', postcode: '7551 AA', plaats: 'Hengelo' }, gemeente: 'GM0164' } });
  hengeloCase = ((await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: body })).json() as { id: string }).id;
  await t.app.inject({ method: 'POST', url: `/api/meldingen/${hengeloCase}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'wijkteam', band: 'P3', reason: 'Naar het wijkteam.' } });
  hengeloOverdracht = ((await t.app.inject({ url: `/api/meldingen/${hengeloCase}`, headers: beoordelaar.headers })).json() as { overdracht: { id: string } }).overdracht.id;
  hengeloThv = ((await t.app.inject({ method: 'POST', url: `/api/meldingen/${hengeloCase}/thv`, headers: beoordelaar.headers, payload: { opgelegdOp: '2026-06-01' } })).json() as { id: string }).id;
  chefAdvies = ((await t.app.inject({ method: 'POST', url: '/api/adviezen', headers: chef.headers, payload: adviesBody() })).json() as { id: string }).id;
  partnerCase = ((await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string }).id;
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends a strict CSP without inline script, nosniff, no referrer and no-store on case data', async () => {
    const res = await t.app.inject({ url: `/api/meldingen/${hengeloCase}`, headers: beoordelaar.headers });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('adds HSTS and __Host- Secure cookies in production', async () => {
    const prod = await buildApp({
      config: { nodeEnv: 'production', logLevel: 'silent', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false, totpRequired: false },
      db: t.db.handle,
      cipher: testCipher,
      redis: t.redis,
      webRoot: false,
      redisKeyPrefix: `${t.prefix}-prod:`,
    });
    const res = await prod.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'manager@demo.test', password: 'demo-veilig-thuis' } });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-vt_session=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    await prod.close();
  });
});

describe('IDOR: ids of records one may not see', () => {
  it('gives the Enschede wijkteam nothing of a Hengelo case on any :id route', async () => {
    const calls: [string, string, object?][] = [
      ['GET', `/api/meldingen/${hengeloCase}`],
      ['GET', `/api/meldingen/${hengeloCase}/historie`],
      ['POST', `/api/overdrachten/${hengeloOverdracht}/accepteren`, {}],
      ['POST', `/api/overdrachten/${hengeloOverdracht}/terugsturen`, { reden: 'Niet van ons.' }],
      ['POST', `/api/thv/${hengeloThv}/verlengen`, { totEnMet: '2026-06-20' }],
      ['POST', `/api/meldingen/${hengeloCase}/afsluiten`, { reden: 'Probeer het.' }],
      ['POST', `/api/meldingen/${hengeloCase}/break-glass`, { reden: 'Ik wil het toch zien.' }],
      ['POST', '/api/vernietigingsverzoeken', { meldingId: hengeloCase, reden: 'Ik wil het toch weg.' }],
    ];
    for (const [method, url, payload] of calls) {
      const res = await t.app.inject({ method: method as 'GET' | 'POST', url, headers: enschede.headers, ...(payload ? { payload } : {}) });
      expect([403, 404], `${method} ${url}: ${res.statusCode}`).toContain(res.statusCode);
      expect(res.body).not.toContain('Enschedesestraat');
    }
    // The Hengelo wijkteam does see it: the 404s above are about the record, not the route.
    expect((await t.app.inject({ url: `/api/meldingen/${hengeloCase}`, headers: hengelo.headers })).statusCode).toBe(200);
  });

  it('keeps the lists to what the caller may see', async () => {
    const inbox = (await t.app.inject({ url: '/api/overdrachten', headers: enschede.headers })).json() as { items: { meldingId: string }[] };
    expect(inbox.items.map((i) => i.meldingId)).not.toContain(hengeloCase);
    for (const url of ['/api/meldingen', '/api/werkvoorraad', '/api/adviezen', '/api/audit', '/api/break-glass', '/api/vernietigingsverzoeken']) {
      expect((await t.app.inject({ url, headers: enschede.headers })).statusCode, url).toBe(403);
    }
  });

  it('lets an adviseur read back only what it filed itself', async () => {
    expect((await t.app.inject({ url: `/api/meldingen/${partnerCase}`, headers: adviseur.headers })).statusCode).toBe(404);
    const own = ((await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: adviseur.headers, payload: meldingBody() })).json() as { id: string }).id;
    expect((await t.app.inject({ url: `/api/meldingen/${own}`, headers: adviseur.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/adviezen/${chefAdvies}`, headers: enschede.headers })).statusCode).toBe(403);
  });

  it('answers ids that do not exist or are malformed without telling them apart from hidden ones', async () => {
    const missing = await t.app.inject({ url: '/api/meldingen/00000000-0000-4000-8000-000000000000', headers: enschede.headers });
    const hidden = await t.app.inject({ url: `/api/meldingen/${hengeloCase}`, headers: enschede.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(hidden.json());
    expect((await t.app.inject({ url: '/api/meldingen/1%20or%201=1', headers: beoordelaar.headers })).statusCode).toBe(400);
  });
});

describe('injection probes', () => {
  const probes = ["' or '1'='1", "'; drop table meldingen; --", 'GM0153\' union select password_hash from users --', '$1', '\\x00'];

  it('treats SQL in query strings and bodies as data: 400 or an empty answer, never a 500, nothing dropped', async () => {
    for (const p of probes) {
      for (const url of [`/api/meldingen?gemeente=${encodeURIComponent(p)}`, `/api/meldingen?status=${encodeURIComponent(p)}`, `/api/werkvoorraad?team=${encodeURIComponent(p)}`, `/api/audit?actor=${encodeURIComponent(p)}`]) {
        const res = await t.app.inject({ url, headers: url.includes('audit') ? (await login(t.app, 'privacy@demo.test')).headers : chef.headers });
        expect(res.statusCode, `${url}`).toBeLessThan(500);
        expect(res.body).not.toContain('password_hash');
      }
      const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ toelichting: p, melder: { type: 'professional', sector: 'politie', naam: p, anoniemNaarHuishouden: false } }) });
      expect(res.statusCode).toBe(201);
    }
    const [n] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from meldingen`);
    expect(n!.n).toBeGreaterThan(probes.length);
  });

  it('stores markup as text and hands it back as JSON text (the web app renders it as text, CSP blocks inline script)', async () => {
    const xss = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ toelichting: xss }) })).json() as { id: string };
    const res = await t.app.inject({ url: `/api/meldingen/${id}`, headers: beoordelaar.headers });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect((res.json() as { toelichting: string }).toelichting).toBe(xss);
  });

  it('refuses a case read with 503 and no case data when its audit row cannot be written', async () => {
    await t.db.handle.db.execute(sql`alter table audit_log add constraint audit_test_fail check (action <> 'read') not valid`);
    try {
      const res = await t.app.inject({ url: `/api/meldingen/${hengeloCase}`, headers: beoordelaar.headers });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body).not.toContain('Enschedesestraat');
      expect(res.json()).toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await t.db.handle.db.execute(sql`alter table audit_log drop constraint audit_test_fail`);
    }
    expect((await t.app.inject({ url: `/api/meldingen/${hengeloCase}`, headers: beoordelaar.headers })).statusCode).toBe(200);
  });
});

describe('security round 2 (issue #14)', () => {
  it('guards the route the router matched, not the text of the URL', async () => {
    for (const url of ['/%61pi/gemeenten', '/api/%67emeenten', '/%61pi/teams']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses a body nested 10,000 levels deep with a 400 in the contract shape', async () => {
    const deep = `{"email":${'['.repeat(10_000)}${']'.repeat(10_000)},"password":"x"}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    // Depth inside strings does not count.
    const fine = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ toelichting: '['.repeat(5000) }) });
    expect(fine.statusCode).toBe(201);
  });

  it('caps the details of a 400 at 20, the last saying how many more', async () => {
    const body: Record<string, unknown> = { email: 'a@b.nl', password: 'x' };
    for (let i = 0; i < 30_000; i++) body[i.toString(36)] = 1;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body });
    expect(res.statusCode).toBe(400);
    const details = (res.json() as { details: { message: string }[] }).details;
    expect(details).toHaveLength(20);
    expect(details[19]!.message).toBe('en nog 29981 andere fouten');
    expect(res.body.length).toBeLessThan(4000);
  });

  it('limits requests without a session or key per address (a bad sign-in body costs more than it is worth), but not signed-in staff', async () => {
    const app = await buildApp({
      config: { nodeEnv: 'test', logLevel: 'silent', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false, unauthenticatedPerMinute: 30 },
      db: t.db.handle,
      cipher: testCipher,
      redis: t.redis,
      webRoot: false,
      redisKeyPrefix: `${t.prefix}-anon:`,
    });
    const s = await login(app, 'chef@demo.test');
    const statuses: number[] = [];
    // The chef's own sign-in counted once.
    for (let i = 0; i < 35; i++) statuses.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { onbekend: i } })).statusCode);
    expect(statuses.slice(0, 29).every((c) => c === 400)).toBe(true);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    const limited = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'chef@demo.test', password: 'demo-veilig-thuis' } });
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // Staff, and the health checks of a load balancer, go on.
    expect((await app.inject({ url: '/api/gemeenten', headers: s.headers })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/health/live' })).statusCode).toBe(200);
    await app.close();
  });

  it('answers an undecodable URL in the contract shape without echoing it', async () => {
    const res = await t.app.inject({ url: '/api/meldingen/%FF%FE' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    expect(res.body).not.toMatch(/%FF|FST_/);
  });

  it('lets a partner key read the gemeente codes it fills in, and nothing else of the reference data', async () => {
    expect((await t.app.inject({ url: '/api/gemeenten', headers: partnerHeaders })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/teams', headers: partnerHeaders })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/kalender/niet-werkdagen?jaar=2026', headers: partnerHeaders })).statusCode).toBe(403);
  });

  it('never lets a browser cache index.html', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vt-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>VT</title>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
    const app = await buildApp({
      config: { nodeEnv: 'test', logLevel: 'silent', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false },
      db: t.db.handle,
      cipher: testCipher,
      redis: t.redis,
      webRoot: root,
      redisKeyPrefix: `${t.prefix}-web:`,
    });
    for (const url of ['/', '/index.html', '/werkvoorraad', '/meldingen/123']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await app.inject({ url: '/assets/app-abc123.js' })).headers['cache-control']).toMatch(/max-age=3600/);
    // The app's files are not counted against the limit on anonymous requests: a day of page loads gets no 429.
    for (let i = 0; i < 150; i++) expect((await app.inject({ url: i % 2 ? '/assets/app-abc123.js' : '/werkvoorraad' })).statusCode).toBe(200);
    await app.close();
  });
});
