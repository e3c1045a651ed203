// Drafts on the server (issue #16, "nothing typed is lost", "nothing is shown to the wrong person"): a draft is the
// account's own, survives a session expiry, is gone at sign-out, is sealed at rest, and a draft continuing an
// advies needs one's own advies that has no melding yet. Also: the adviseur's own recent adviezen, with an
// unfinished conversion marked, and a conversion that marks the advies only when its melding exists.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneConcepten, sha256 } from '@vt/db';
import { createTestApp, login, type Session, type TestContext } from '../support/app.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let adviseur: Session;
let chef: Session;
let manager: Session;

beforeAll(async () => {
  t = await createTestApp();
  adviseur = await login(t.app, 'adviseur@demo.test');
  chef = await login(t.app, 'chef@demo.test');
  manager = await login(t.app, 'manager@demo.test');
});
afterAll(() => t.close());

const put = (s: Session, sleutel: string, inhoud: object) => t.app.inject({ method: 'PUT', url: `/api/concepten/${sleutel}`, headers: s.headers, payload: { inhoud } });
const get = (s: Session, sleutel: string) => t.app.inject({ method: 'GET', url: `/api/concepten/${sleutel}`, headers: s.headers });
const draft = { melder: { naam: 'Juf Concept' }, toelichting: 'Kind vertelde over slaan thuis.', betrokkenen: [{ voornaam: 'Sem', achternaam: 'Voorbeeld' }] };

describe('drafts of the forms', () => {
  it('gives a draft back to the account that wrote it, and to no other', async () => {
    expect((await put(adviseur, 'melding', draft)).statusCode).toBe(200);
    const back = await get(adviseur, 'melding');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ sleutel: 'melding', inhoud: draft });
    // Another account at the same desk (or anywhere) has no draft under the same key.
    expect((await get(chef, 'melding')).statusCode).toBe(404);
    expect(((await t.app.inject({ url: '/api/concepten', headers: chef.headers })).json() as { items: unknown[] }).items).toEqual([]);
    // Roles that fill in no forms have no drafts at all.
    expect((await get(manager, 'melding')).statusCode).toBe(403);
  });

  it('keeps it sealed at rest: no name or free text readable in the table', async () => {
    await put(adviseur, 'advies', { samenvatting: 'Buurvrouw hoort geschreeuw bij Pietersen' });
    const rows = await t.db.handle.db.execute<{ inhoud: string }>(sql`select inhoud from concepten`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.inhoud).not.toContain('Pietersen');
      expect(r.inhoud).not.toContain('Juf Concept');
    }
  });

  it('survives the session expiring, and is there after the same account signs in again', async () => {
    const s = await login(t.app, 'adviseur@demo.test');
    expect((await put(s, 'advies', { samenvatting: 'Na verlopen sessie' })).statusCode).toBe(200);
    await t.db.handle.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where id_hash = ${sha256(decodeURIComponent(s.cookie.split('=')[1]!))}`);
    expect((await get(s, 'advies')).statusCode).toBe(401);
    const again = await login(t.app, 'adviseur@demo.test');
    expect((await get(again, 'advies')).json()).toMatchObject({ inhoud: { samenvatting: 'Na verlopen sessie' } });
  });

  it('is gone after sign-out', async () => {
    const s = await login(t.app, 'beoordelaar@demo.test');
    await put(s, 'melding', draft);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(204);
    const again = await login(t.app, 'beoordelaar@demo.test');
    expect((await get(again, 'melding')).statusCode).toBe(404);
  });

  it('is thrown away on request and expires on its own', async () => {
    await put(chef, 'advies', { samenvatting: 'weg' });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/concepten/advies', headers: chef.headers })).statusCode).toBe(204);
    expect((await get(chef, 'advies')).statusCode).toBe(404);

    await put(chef, 'melding', draft);
    await t.db.handle.db.execute(sql`update concepten set expires_at = now() - interval '1 second' where user_id = ${chef.userId}::uuid`);
    expect((await get(chef, 'melding')).statusCode).toBe(404);
    expect(await pruneConcepten(t.db.handle.db)).toBeGreaterThanOrEqual(1);
    const [left] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from concepten where user_id = ${chef.userId}::uuid`);
    expect(left!.n).toBe(0);
  });

  it('refuses unknown keys, other shapes and oversized drafts with the contract error', async () => {
    expect((await put(adviseur, 'iets-anders', {})).json()).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
    const res = await t.app.inject({ method: 'PUT', url: '/api/concepten/melding', headers: adviseur.headers, payload: { inhoud: draft, extra: 1 } });
    expect(res.statusCode).toBe(400);
    const big = await put(adviseur, 'melding', { toelichting: 'x'.repeat(70 * 1024) });
    expect(big.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('an advies turned into a melding', () => {
  async function advies(s: Session, overrides: Record<string, unknown> = {}) {
    const res = await t.app.inject({ method: 'POST', url: '/api/adviezen', headers: s.headers, payload: adviesBody({ uitkomst: 'doorverwezen', ...overrides }) });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; reference: string };
  }

  it('keeps a conversion draft only for one’s own advies without a melding, and lists it as unfinished', async () => {
    const a = await advies(adviseur);
    const other = await advies(chef);
    expect((await put(adviseur, `melding-van-advies-${a.id}`, draft)).statusCode).toBe(200);
    expect((await put(adviseur, `melding-van-advies-${other.id}`, draft)).statusCode).toBe(404);

    const mine = (await t.app.inject({ url: '/api/adviezen?eigen=true', headers: adviseur.headers })).json() as { items: { id: string; uitkomst: string; conceptMelding: boolean; meldingId: string | null }[] };
    expect(mine.items.map((i) => i.id)).toContain(a.id);
    expect(mine.items.map((i) => i.id)).not.toContain(other.id);
    // Abandoned: the advies is as it was saved, and the list says a conversion waits.
    expect(mine.items.find((i) => i.id === a.id)).toMatchObject({ uitkomst: 'doorverwezen', conceptMelding: true, meldingId: null });
  });

  it('marks the advies converted only together with the melding', async () => {
    const a = await advies(adviseur);
    // A melding body the server refuses: nothing changes on the advies.
    const bad = await t.app.inject({ method: 'POST', url: `/api/adviezen/${a.id}/melding`, headers: adviseur.headers, payload: meldingBody({ betrokkenen: [] }) });
    expect(bad.statusCode).toBe(400);
    expect(((await t.app.inject({ url: `/api/adviezen/${a.id}`, headers: adviseur.headers })).json() as { uitkomst: string }).uitkomst).toBe('doorverwezen');

    const ok = await t.app.inject({ method: 'POST', url: `/api/adviezen/${a.id}/melding`, headers: adviseur.headers, payload: meldingBody() });
    expect(ok.statusCode).toBe(201);
    const after = (await t.app.inject({ url: `/api/adviezen/${a.id}`, headers: adviseur.headers })).json() as { uitkomst: string; meldingId: string };
    expect(after).toMatchObject({ uitkomst: 'omgezet_in_melding', meldingId: (ok.json() as { id: string }).id });
    // Its draft can no longer be kept: the conversion is done.
    expect((await put(adviseur, `melding-van-advies-${a.id}`, draft)).statusCode).toBe(404);
    const listed = (await t.app.inject({ url: '/api/adviezen?eigen=true', headers: adviseur.headers })).json() as { items: { id: string; meldingReference: string | null; conceptMelding: boolean }[] };
    expect(listed.items.find((i) => i.id === a.id)).toMatchObject({ meldingReference: expect.stringMatching(/^M-\d{4}-\d{6}$/), conceptMelding: false });
  });
});
