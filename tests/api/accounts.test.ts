// Accounts under four eyes (issues #4 and #14): the beheerder creates staff accounts without ever knowing a password
// (the user sets one with a one-time link mailed to them); a role that reads case files or the audit trail, or
// manages users, waits until a second person approves it; reading the audit trail and managing users never go
// together in one account; staff change their own password under the same rules.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestContext } from '../support/app.ts';

let t: TestContext;
let beheer: Session;
let privacy: Session;

beforeAll(async () => {
  t = await createTestApp();
  beheer = await login(t.app, 'beheer@demo.test');
  privacy = await login(t.app, 'privacy@demo.test');
});
afterAll(() => t.close());

const post = (url: string, s: Session | undefined, payload?: object) => t.app.inject({ method: 'POST', url, ...(s ? { headers: s.headers } : {}), ...(payload ? { payload } : {}) });
const create = (payload: object, s: Session = beheer) => post('/api/admin/users', s, payload);
const tokenFor = (email: string) => {
  const mail = [...(t.app.mailer as unknown as { sent: { to: string; text: string }[] }).sent].reverse().find((m) => m.to === email);
  return /\/activeren#([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
};
const requests = async (s: Session = privacy) => ((await t.app.inject({ url: '/api/admin/rol-aanvragen', headers: s.headers })).json() as { items: { id: string; user: { email: string }; roles: string[]; status: string }[] }).items;

describe('accounts under four eyes', () => {
  const email = 'nieuw.medewerker@vt-twente.nl';
  let userId = '';

  it('are created by the beheerder without a password; the roles that read case files wait for a second person', async () => {
    const base = { email, naam: 'Nieuwe Medewerker', roles: ['medewerker'] };
    // The beheerder cannot choose the password.
    expect((await create({ ...base, wachtwoord: 'zonnige-kade-bij-het-spoor' })).statusCode).toBe(400);
    expect((await create(base, await login(t.app, 'chef@demo.test'))).statusCode).toBe(403);
    const res = await create(base);
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json() as { id: string; roles: string[]; rollenAangevraagd: string[]; geactiveerd: boolean };
    userId = u.id;
    expect(u).toMatchObject({ roles: [], rollenAangevraagd: ['medewerker'], geactiveerd: false });
    expect((await create(base)).statusCode).toBe(409);
    // The link went to the user, not to the beheerder's screen.
    const token = tokenFor(email)!;
    expect(token).toBeTruthy();
    expect(res.body).not.toContain(token);
    // Shown to the second person with who asked.
    expect((await requests()).find((r) => r.user.email === email)).toMatchObject({ roles: ['medewerker'], status: 'aangevraagd' });
  });

  it('sets its first password with the one-time link, under the password rules; the link works once', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wat-dan-ook-1234' } })).statusCode).toBe(401);
    const token = tokenFor(email)!;
    expect((await post('/api/auth/activatie', undefined, { token })).json()).toEqual({ email, naam: 'Nieuwe Medewerker' });
    const weak = await post('/api/auth/activeren', undefined, { token, wachtwoord: 'welkom123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('12 tekens');
    expect((await post('/api/auth/activeren', undefined, { token, wachtwoord: 'zonnige-kade-bij-het-spoor' })).statusCode).toBe(204);
    expect((await post('/api/auth/activeren', undefined, { token, wachtwoord: 'een-ander-wachtwoord-88' })).statusCode).toBe(404);
    // Signed in, but without the role that is still waiting: no case work.
    const s = await login(t.app, email, 'zonnige-kade-bij-het-spoor');
    expect((await t.app.inject({ url: '/api/werkvoorraad', headers: s.headers })).statusCode).toBe(403);
  });

  it('is approved by a second person only: not by the beheerder who asked; the privacy officer may', async () => {
    const open = (await requests()).find((r) => r.user.email === email && r.status === 'aangevraagd')!;
    const own = await post(`/api/admin/rol-aanvragen/${open.id}/besluit`, beheer, { besluit: 'goedgekeurd' });
    expect(own.statusCode).toBe(409);
    expect((await post(`/api/admin/rol-aanvragen/${open.id}/besluit`, await login(t.app, 'chef@demo.test'), { besluit: 'goedgekeurd' })).statusCode).toBe(403);
    const before = await login(t.app, email, 'zonnige-kade-bij-het-spoor');
    expect((await post(`/api/admin/rol-aanvragen/${open.id}/besluit`, privacy, { besluit: 'goedgekeurd' })).statusCode).toBe(200);
    // New rights begin with a new sign-in; then the case work is there.
    expect((await t.app.inject({ url: '/api/auth/session', headers: before.headers })).statusCode).toBe(401);
    const after = await login(t.app, email, 'zonnige-kade-bij-het-spoor');
    expect((await t.app.inject({ url: '/api/werkvoorraad', headers: after.headers })).statusCode).toBe(200);
    expect((await post(`/api/admin/rol-aanvragen/${open.id}/besluit`, privacy, { besluit: 'afgewezen', reden: 'Toch niet.' })).statusCode).toBe(409);
    const [audit] = await t.db.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where subject_id = ${userId} and subject_type in ('user', 'rol_aanvraag')`);
    expect(audit!.n).toBeGreaterThanOrEqual(3);
  });

  it('grants the manager (aggregates only) at once, takes roles away at once, and refuses with a reason', async () => {
    const m = (await create({ email: 'teamleider@vt-twente.nl', naam: 'Teamleider Twente', roles: ['manager'] })).json() as { id: string; roles: string[]; rollenAangevraagd: string[] };
    expect(m).toMatchObject({ roles: ['manager'], rollenAangevraagd: [] });
    const more = await post(`/api/admin/users/${m.id}/rollen`, beheer, { roles: ['manager', 'chef_van_de_dag'] });
    expect(more.json()).toMatchObject({ roles: ['manager'], rollenAangevraagd: ['chef_van_de_dag'] });
    const open = (await requests()).find((r) => r.user.email === 'teamleider@vt-twente.nl' && r.status === 'aangevraagd')!;
    expect((await post(`/api/admin/rol-aanvragen/${open.id}/besluit`, privacy, { besluit: 'afgewezen' })).statusCode).toBe(400);
    expect((await post(`/api/admin/rol-aanvragen/${open.id}/besluit`, privacy, { besluit: 'afgewezen', reden: 'Teamleider werkt niet in de dagstart.' })).statusCode).toBe(200);
    const fewer = await post(`/api/admin/users/${userId}/rollen`, beheer, { roles: ['manager'] });
    expect(fewer.json()).toMatchObject({ roles: ['manager'], rollenAangevraagd: [] });
  });

  it('never combines reading the audit trail with managing users in one account', async () => {
    expect((await create({ email: 'alles@vt-twente.nl', naam: 'Alles Tegelijk', roles: ['privacy_officer', 'chef_van_de_dag', 'beheerder'] })).statusCode).toBe(400);
    const p = (await create({ email: 'tweede.privacy@vt-twente.nl', naam: 'Tweede Privacy', roles: ['privacy_officer'] })).json() as { id: string };
    expect((await post(`/api/admin/users/${p.id}/rollen`, beheer, { roles: ['privacy_officer', 'beheerder'] })).statusCode).toBe(400);
    // The privacy officer's own account can never be given user management through the back door of approval.
    const demoPrivacy = (await t.app.inject({ url: '/api/admin/users', headers: beheer.headers })).json() as { items: { id: string; email: string }[] };
    const pid = demoPrivacy.items.find((u) => u.email === 'privacy@demo.test')!.id;
    expect((await post(`/api/admin/users/${pid}/rollen`, beheer, { roles: ['privacy_officer', 'beheerder'] })).statusCode).toBe(400);
  });

  it('lets a second beheerder approve what the first asked, once the privacy officer approved the second beheerder', async () => {
    const b2 = (await create({ email: 'beheer2@vt-twente.nl', naam: 'Tweede Beheerder', roles: ['beheerder'] })).json() as { id: string; roles: string[] };
    expect(b2.roles).toEqual([]);
    const open = (await requests()).find((r) => r.user.email === 'beheer2@vt-twente.nl')!;
    expect((await post(`/api/admin/rol-aanvragen/${open.id}/besluit`, privacy, { besluit: 'goedgekeurd' })).statusCode).toBe(200);
    expect((await post('/api/auth/activeren', undefined, { token: tokenFor('beheer2@vt-twente.nl'), wachtwoord: 'tweede-beheerder-wachtwoord-26' })).statusCode).toBe(204);
    const second = await login(t.app, 'beheer2@vt-twente.nl', 'tweede-beheerder-wachtwoord-26');
    await create({ email: 'crisis.nieuw@vt-twente.nl', naam: 'Nieuwe Crisisdienst', roles: ['crisisteam'] });
    const req2 = (await requests(second)).find((r) => r.user.email === 'crisis.nieuw@vt-twente.nl')!;
    // The second beheerder may not approve its own rights, but approves the first beheerder's request.
    expect((await post(`/api/admin/rol-aanvragen/${req2.id}/besluit`, second, { besluit: 'goedgekeurd' })).statusCode).toBe(200);
  });

  it('mails a new activation link on request; the old one stops working', async () => {
    const u = (await create({ email: 'later@vt-twente.nl', naam: 'Later Actief', roles: ['manager'] })).json() as { id: string };
    const first = tokenFor('later@vt-twente.nl')!;
    expect((await post(`/api/admin/users/${u.id}/activatielink`, beheer)).statusCode).toBe(200);
    const second = tokenFor('later@vt-twente.nl')!;
    expect(second).not.toBe(first);
    expect((await post('/api/auth/activatie', undefined, { token: first })).statusCode).toBe(404);
    expect((await post('/api/auth/activeren', undefined, { token: second, wachtwoord: 'herfstblad-op-de-fietsbrug-26' })).statusCode).toBe(204);
    expect((await post(`/api/admin/users/${u.id}/activatielink`, beheer)).statusCode).toBe(409);
  });
});

describe('one’s own password', () => {
  it('is changed with the current one checked, the rules applied, other sessions ended', async () => {
    const email = 'later@vt-twente.nl';
    const a = await login(t.app, email, 'herfstblad-op-de-fietsbrug-26');
    const b = await login(t.app, email, 'herfstblad-op-de-fietsbrug-26');
    const change = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord', headers: a.headers, payload });
    expect((await change({ huidig: 'fout-wachtwoord-xyz', nieuw: 'lange-regenachtige-middag-77' })).statusCode).toBe(400);
    expect((await change({ huidig: 'herfstblad-op-de-fietsbrug-26', nieuw: 'kort' })).statusCode).toBe(400);
    expect((await change({ huidig: 'herfstblad-op-de-fietsbrug-26', nieuw: 'lange-regenachtige-middag-77' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/session', headers: a.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/session', headers: b.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'herfstblad-op-de-fietsbrug-26' } })).statusCode).toBe(401);
    await login(t.app, email, 'lange-regenachtige-middag-77');
  });
});
