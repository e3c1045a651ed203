// Two people on one case (issue #16): GET /api/meldingen/:id sends an ETag, every step on the case honours
// If-Match, and a stale step gets 412 PRECONDITION_FAILED with the case as the caller may now read it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let chef: Session;

beforeAll(async () => {
  t = await createTestApp();
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  chef = await login(t.app, 'chef@demo.test');
});
afterAll(() => t.close());

async function newCase() {
  const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string };
  return id;
}
const read = (id: string, s: Session) => t.app.inject({ url: `/api/meldingen/${id}`, headers: s.headers });
const step = (id: string, s: Session, path: string, payload: object, ifMatch?: string) =>
  t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/${path}`, headers: { ...s.headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, payload });

describe('If-Match on case steps', () => {
  it('sends an ETag that stays the same until the case changes', async () => {
    const id = await newCase();
    const a = await read(id, beoordelaar);
    const b = await read(id, chef);
    expect(a.headers.etag).toMatch(/^"[0-9.]+"$/);
    expect(b.headers.etag).toBe(a.headers.etag);
    await step(id, chef, 'aanvulling', { toelichting: 'Politie belde: vader is vertrokken.' });
    expect((await read(id, beoordelaar)).headers.etag).not.toBe(a.headers.etag);
  });

  it('refuses a stale step with 412 and the current case, and lets the current version through', async () => {
    const id = await newCase();
    const etag = (await read(id, beoordelaar)).headers.etag as string;
    // The chef adds information while the beoordelaar still looks at the old screen.
    expect((await step(id, chef, 'aanvulling', { toelichting: 'School meldt blauwe plekken.' }, etag)).statusCode).toBe(200);
    const stale = await step(id, beoordelaar, 'beoordeling', { route: 'wijkteam', band: 'P3', reason: 'Op basis van het eerste beeld.' }, etag);
    expect(stale.statusCode).toBe(412);
    const body = stale.json() as { code: string; message: string; current: { id: string; toelichting: string; beoordeling: unknown } };
    expect(body.code).toBe('PRECONDITION_FAILED');
    expect(body.message).toMatch(/gewijzigd/);
    expect(body.current.id).toBe(id);
    expect(body.current.toelichting).toContain('blauwe plekken');
    expect(body.current.beoordeling).toBeNull();
    // Nothing was decided on the stale screen.
    const [n] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from beoordelingen where melding_id = ${id}::uuid`);
    expect(n!.n).toBe(0);
    // The refusal read the case: audited like any read.
    const [audit] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_id = ${id} and purpose = 'precondition'`);
    expect(audit!.n).toBe(1);

    const fresh = await read(id, beoordelaar);
    const ok = await step(id, beoordelaar, 'beoordeling', { route: 'wijkteam', band: 'P3', reason: 'Na de aanvulling opnieuw gewogen.' }, fresh.headers.etag as string);
    expect(ok.statusCode).toBe(200);
    // The answer carries the new version, so the screen's next step needs no new read.
    expect(ok.headers.etag).toBe((await read(id, beoordelaar)).headers.etag);
  });

  it('lets only one of two steps on the same version through, even at the same moment', async () => {
    const id = await newCase();
    await step(id, beoordelaar, 'beoordeling', { route: 'wijkteam', band: 'P3', reason: 'Structurele zorgen.' });
    const etag = (await read(id, chef)).headers.etag as string;
    // Hold the case's row lock so both steps pass the first check on the same version and then queue for the lock.
    let both: Promise<{ statusCode: number }[]> | undefined;
    await t.db.handle.db.transaction(async (tx) => {
      await tx.execute(sql`select id from meldingen where id = ${id}::uuid for update`);
      both = Promise.all([
        step(id, chef, 'afsluiten', { reden: 'Gezin verhuisd naar het buitenland.' }, etag),
        step(id, beoordelaar, 'afsluiten', { reden: 'Hulp loopt al via huisarts.' }, etag),
      ]);
      await new Promise((r) => setTimeout(r, 400));
    });
    const [a, b] = await both!;
    // The second finds the case changed under the lock: 412, not a second close (or a 409 that hides why).
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 412]);
  });

  it('checks steps on parts of the case (a huisverbod) against the case version too', async () => {
    const id = await newCase();
    const etag = (await read(id, chef)).headers.etag as string;
    const thv = await step(id, chef, 'thv', { opgelegdOp: '2026-06-01' }, etag);
    expect(thv.statusCode).toBe(201);
    const thvId = (thv.json() as { id: string }).id;
    const stale = await t.app.inject({ method: 'POST', url: `/api/thv/${thvId}/verlengen`, headers: { ...chef.headers, 'if-match': etag }, payload: { totEnMet: '2026-06-20' } });
    expect(stale.statusCode).toBe(412);
    const ok = await t.app.inject({ method: 'POST', url: `/api/thv/${thvId}/verlengen`, headers: { ...chef.headers, 'if-match': thv.headers.etag as string }, payload: { totEnMet: '2026-06-20' } });
    expect(ok.statusCode).toBe(200);
  });

  it('leaves steps without If-Match as they were (partners and scripts)', async () => {
    const id = await newCase();
    expect((await step(id, chef, 'aanvulling', { toelichting: 'Zonder versie.' })).statusCode).toBe(200);
    expect((await step(id, chef, 'aanvulling', { toelichting: 'Met een jokerteken.' }, '*')).statusCode).toBe(200);
  });
});
