// Break-glass (issue #4): a case outside one's own queue opens only with a reason; the grant lasts an hour, every
// read under it is flagged in the audit trail, and the manager and privacy officer see the openings.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let meldingId = '';
let crisis: Session;

beforeAll(async () => {
  t = await createTestApp();
  // A non-acute melding waits at the beoordeling team: outside the crisis team's queue.
  meldingId = ((await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string }).id;
  crisis = await login(t.app, 'crisis@demo.test');
});
afterAll(() => t.close());

const audit = async (userId: string) =>
  t.db.handle.db.execute<{ action: string; result: string; purpose: string | null; grant: string | null }>(
    sql`select action::text, result::text, purpose, break_glass_id::text as grant from audit_log where actor_id = ${userId} and subject_id = ${meldingId} order by id`,
  );

describe('break-glass', () => {
  it('refuses a case outside the own queue with BREAK_GLASS_REQUIRED, and records the attempt', async () => {
    const res = await t.app.inject({ url: `/api/meldingen/${meldingId}`, headers: crisis.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'BREAK_GLASS_REQUIRED' });
    expect((await t.app.inject({ url: `/api/meldingen/${meldingId}/historie`, headers: crisis.headers })).statusCode).toBe(403);
    const rows = await audit(crisis.userId);
    expect(rows.map((r) => [r.action, r.result, r.purpose])).toEqual([
      ['read', 'denied', 'break_glass_required'],
      ['read', 'denied', 'break_glass_required'],
    ]);
  });

  it('needs a real reason', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/meldingen/${meldingId}/break-glass`, headers: crisis.headers, payload: { reden: 'kort' } });
    expect(res.statusCode).toBe(400);
  });

  it('opens the case for an hour with a reason; each read under it is flagged', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/meldingen/${meldingId}/break-glass`,
      headers: crisis.headers,
      payload: { reden: 'Politie belt over acuut incident op dit adres, nachtdienst.' },
    });
    expect(res.statusCode).toBe(201);
    const { id: grantId, expiresAt } = res.json() as { id: string; expiresAt: string };
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect((await t.app.inject({ url: `/api/meldingen/${meldingId}`, headers: crisis.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/meldingen/${meldingId}/historie`, headers: crisis.headers })).statusCode).toBe(200);
    const rows = await audit(crisis.userId);
    expect(rows.slice(2).map((r) => [r.action, r.result, r.purpose, r.grant])).toEqual([
      ['break_glass', 'success', 'grant', grantId],
      ['read', 'success', 'dossier', grantId],
      ['read', 'success', 'historie', grantId],
    ]);
    // Once the hour is over, the case is closed again.
    await t.db.handle.db.execute(sql`update break_glass_grants set expires_at = now() - interval '1 second' where id = ${grantId}`);
    expect((await t.app.inject({ url: `/api/meldingen/${meldingId}`, headers: crisis.headers })).statusCode).toBe(403);
  });

  it('is not needed for the own queue (the beoordelaar, the chef van de dag)', async () => {
    for (const email of ['beoordelaar@demo.test', 'chef@demo.test']) {
      const s = await login(t.app, email);
      expect((await t.app.inject({ url: `/api/meldingen/${meldingId}`, headers: s.headers })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'POST', url: `/api/meldingen/${meldingId}/break-glass`, headers: s.headers, payload: { reden: 'Geen reden nodig hier.' } })).statusCode).toBe(409);
    }
  });

  it('lists the openings for the manager (without reasons) and the privacy officer (with)', async () => {
    const manager = await login(t.app, 'manager@demo.test');
    const privacy = await login(t.app, 'privacy@demo.test');
    const m = (await t.app.inject({ url: '/api/break-glass', headers: manager.headers })).json() as { items: { user: { id: string }; melding: { id: string }; reden: string | null }[] };
    expect(m.items).toHaveLength(1);
    expect(m.items[0]).toMatchObject({ user: { id: crisis.userId }, melding: { id: meldingId }, reden: null });
    const p = (await t.app.inject({ url: '/api/break-glass', headers: privacy.headers })).json() as { items: { reden: string | null }[] };
    expect(p.items[0]!.reden).toContain('acuut incident');
    expect((await t.app.inject({ url: '/api/break-glass', headers: crisis.headers })).statusCode).toBe(403);
    // The reason is sealed at rest like all free text.
    const [raw] = await t.db.handle.db.execute<{ reden: string }>(sql`select reden::text from break_glass_grants limit 1`);
    expect(raw!.reden.startsWith('enc1:')).toBe(true);
  });
});
