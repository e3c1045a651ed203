// Accounts (issue #4): the beheerder creates staff accounts and staff change their own password; both obey the
// password rules (length, not common or guessable, not the e-mail address).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestContext } from '../support/app.ts';

let t: TestContext;
let beheer: Session;

beforeAll(async () => {
  t = await createTestApp();
  beheer = await login(t.app, 'beheer@demo.test');
});
afterAll(() => t.close());

const create = (payload: object, s: Session = beheer) => t.app.inject({ method: 'POST', url: '/api/admin/users', headers: s.headers, payload });

describe('accounts', () => {
  it('are created by the beheerder with a password that passes the rules', async () => {
    const base = { email: 'nieuw.medewerker@vt-twente.nl', naam: 'Nieuwe Medewerker', roles: ['medewerker'] };
    const weak = await create({ ...base, wachtwoord: 'welkom123' });
    expect(weak.statusCode).toBe(400);
    expect(JSON.stringify(weak.json())).toContain('12 tekens');
    expect((await create({ ...base, wachtwoord: 'password12345' })).statusCode).toBe(400);
    const ok = await create({ ...base, wachtwoord: 'zonnige-kade-bij-het-spoor' });
    expect(ok.statusCode).toBe(201);
    expect((await create({ ...base, wachtwoord: 'zonnige-kade-bij-het-spoor' })).statusCode).toBe(409);
    expect((await create({ ...base, email: 'ander@vt-twente.nl', wachtwoord: 'zonnige-kade-bij-het-spoor' }, await login(t.app, 'chef@demo.test'))).statusCode).toBe(403);
    await login(t.app, 'nieuw.medewerker@vt-twente.nl', 'zonnige-kade-bij-het-spoor');
  });

  it('change their own password: the current one is checked, the rules apply, other sessions end', async () => {
    const a = await login(t.app, 'nieuw.medewerker@vt-twente.nl', 'zonnige-kade-bij-het-spoor');
    const b = await login(t.app, 'nieuw.medewerker@vt-twente.nl', 'zonnige-kade-bij-het-spoor');
    const change = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord', headers: a.headers, payload });
    expect((await change({ huidig: 'fout-wachtwoord-xyz', nieuw: 'lange-regenachtige-middag-77' })).statusCode).toBe(400);
    expect((await change({ huidig: 'zonnige-kade-bij-het-spoor', nieuw: 'kort' })).statusCode).toBe(400);
    expect((await change({ huidig: 'zonnige-kade-bij-het-spoor', nieuw: 'lange-regenachtige-middag-77' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/session', headers: a.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/session', headers: b.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nieuw.medewerker@vt-twente.nl', password: 'zonnige-kade-bij-het-spoor' } })).statusCode).toBe(401);
    await login(t.app, 'nieuw.medewerker@vt-twente.nl', 'lange-regenachtige-middag-77');
  });
});
