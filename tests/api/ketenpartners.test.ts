// Partner clients managed (issue #20): the beheerder makes a partner's API client with scopes and kanalen; the key
// is shown once and kept as a hash; a rotation gives a new key while the old one keeps working for the overlap; one
// key or the whole client can be ended at once; the last use is noted; everything is audited; nobody else may.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

type Partner = { id: string; naam: string; scopes: string[]; kanalen: string[] | null; lastUsedAt: string | null; revokedAt: string | null; sleutels: { id: string; prefix: string | null; expiresAt: string | null; revokedAt: string | null; lastUsedAt: string | null; geldig: boolean }[] };

let t: TestContext;
let beheer: Session;

beforeAll(async () => {
  t = await createTestApp();
  beheer = await login(t.app, 'beheer@demo.test');
});
afterAll(() => t.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const file = (key: string, kanaal = 'ketenpartner') => t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody({ kanaal }), headers: bearer(key) });
const bulk = (key: string, berichtId: string, kanaal = 'ketenpartner') => t.app.inject({ method: 'POST', url: '/api/ketenberichten', payload: { berichten: [{ berichtId, melding: meldingBody({ kanaal }) }] }, headers: bearer(key) });
const list = async () => (await t.app.inject({ url: '/api/admin/ketenpartners', headers: beheer.headers })).json() as { items: Partner[] };

describe('partner clients', () => {
  let partner: Partner;
  let firstKey = '';
  let secondKey = '';

  it('makes a client whose key is shown once, kept as a hash, and works within its scopes and kanalen', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/ketenpartners', headers: beheer.headers, payload: { naam: 'Politie Oost-Nederland', scopes: ['meldingen:create'], kanalen: ['ketenpartner'] } });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { partner: Partner; sleutel: string };
    partner = body.partner;
    firstKey = body.sleutel;
    expect(firstKey).toMatch(/^vtk_[A-Za-z0-9_-]{43}$/);
    expect(partner.sleutels).toHaveLength(1);
    expect(partner.sleutels[0]!.prefix).toBe(firstKey.slice(0, 12));
    // Only the hash is stored, and the list never shows a key.
    const stored = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from api_client_keys where key_hash = ${firstKey} or prefix = ${firstKey}`);
    expect(stored[0]!.n).toBe(0);
    expect(JSON.stringify(await list())).not.toContain(firstKey);

    expect((await file(firstKey)).statusCode).toBe(201);
    // Outside its kanalen or its scopes: refused, nothing stored.
    const wrongKanaal = await file(firstKey, 'telefoon');
    expect(wrongKanaal.statusCode).toBe(403);
    expect(wrongKanaal.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await bulk(firstKey, 'b-1')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/werkvoorraad', headers: bearer(firstKey) })).statusCode).toBe(403);
    // Its use is noted on the key and the client.
    const seen = (await list()).items.find((p) => p.id === partner.id)!;
    expect(seen.lastUsedAt).not.toBeNull();
    expect(seen.sleutels[0]!.lastUsedAt).not.toBeNull();
  });

  it('rotates with an overlap: the new key works at once and the old one until its end', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/admin/ketenpartners/${partner.id}/sleutels`, headers: beheer.headers, payload: { overlapDagen: 7 } });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { partner: Partner; sleutel: string };
    secondKey = body.sleutel;
    expect(secondKey).not.toBe(firstKey);
    expect((await file(secondKey)).statusCode).toBe(201);
    expect((await file(firstKey)).statusCode).toBe(201);
    const old = body.partner.sleutels.find((k) => k.prefix === firstKey.slice(0, 12))!;
    const days = (Date.parse(old.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // The overlap over (as if seven days passed): the old key is refused, the new one still works.
    await t.db.handle.db.execute(sql`update api_client_keys set expires_at = now() - interval '1 second' where id = ${old.id}`);
    expect((await file(firstKey)).statusCode).toBe(401);
    expect((await file(secondKey)).statusCode).toBe(201);
  });

  it('ends one key at once, and the whole client with all its keys', async () => {
    const third = (await t.app.inject({ method: 'POST', url: `/api/admin/ketenpartners/${partner.id}/sleutels`, headers: beheer.headers, payload: { overlapDagen: 30 } })).json() as { partner: Partner; sleutel: string };
    const second = third.partner.sleutels.find((k) => k.prefix === secondKey.slice(0, 12))!;
    expect(second.geldig).toBe(true);
    const ended = await t.app.inject({ method: 'POST', url: `/api/admin/ketenpartners/${partner.id}/sleutels/${second.id}/intrekken`, headers: beheer.headers });
    expect(ended.statusCode).toBe(200);
    expect((ended.json() as Partner).sleutels.find((k) => k.id === second.id)!.geldig).toBe(false);
    expect((await file(secondKey)).statusCode).toBe(401);
    expect((await file(third.sleutel)).statusCode).toBe(201);
    const revoked = await t.app.inject({ method: 'POST', url: `/api/admin/ketenpartners/${partner.id}/intrekken`, headers: beheer.headers });
    expect(revoked.statusCode).toBe(200);
    expect((revoked.json() as Partner).sleutels.every((k) => !k.geldig)).toBe(true);
    expect((await file(third.sleutel)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/ketenpartners/${partner.id}/sleutels`, headers: beheer.headers, payload: { overlapDagen: 1 } })).statusCode).toBe(404);
  });

  it('audits every step, and lets nobody but the beheerder near it', async () => {
    const rows = await t.db.handle.db.execute<{ action: string; purpose: string | null }>(sql`select action::text, purpose from audit_log where subject_type = 'api_client' and subject_id = ${partner.id} order by id`);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
    // A key's prefix names it; the key itself is in no audit row.
    const purposes = rows.map((r) => r.purpose).join(' ');
    expect(purposes).toContain(secondKey.slice(0, 12));
    for (const key of [firstKey, secondKey]) expect(purposes).not.toContain(key);
    for (const email of ['chef@demo.test', 'privacy@demo.test', 'manager@demo.test']) {
      const s = await login(t.app, email);
      expect((await t.app.inject({ url: '/api/admin/ketenpartners', headers: s.headers })).statusCode, email).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/admin/ketenpartners', headers: partnerHeaders })).statusCode).toBe(403);
  });

  it('gives a bulk client its scope, and refuses a message outside its kanalen without failing the rest', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/ketenpartners', headers: beheer.headers, payload: { naam: 'Politie bulk', scopes: ['ketenberichten'], kanalen: ['ketenpartner'] } });
    const key = (res.json() as { sleutel: string }).sleutel;
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/ketenberichten',
      headers: bearer(key),
      payload: { berichten: [{ berichtId: 'k-1', melding: meldingBody() }, { berichtId: 'k-2', melding: meldingBody({ kanaal: 'balie' }) }] },
    });
    expect(out.statusCode).toBe(200);
    const r = (out.json() as { resultaten: { status: string; details?: { path: string }[] }[] }).resultaten;
    expect(r.map((x) => x.status)).toEqual(['aangemaakt', 'afgewezen']);
    expect(r[1]!.details![0]!.path).toBe('/berichten/1/melding/kanaal');
    expect((await file(key)).statusCode).toBe(403); // no single POSTs for this one
  });

  it('refuses a bad body with the contract’s details', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/ketenpartners', headers: beheer.headers, payload: { naam: 'x', scopes: ['alles'], kanalen: [] } });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { details: { path: string }[] }).details.map((d) => d.path).sort()).toEqual(['/kanalen', '/naam', '/scopes/0']);
  });
});
