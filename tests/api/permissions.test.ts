// Role × endpoint: who may call what, per "Who may act" in api.md. Each cell is one real request; the expected
// answer is "allowed" (any status but 401/403) or 403. Record-level rules (404 for what a role may not see) are
// tested where the records are made (intake, pipeline).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

const roles = {
  adviseur: 'adviseur@demo.test',
  beoordelaar: 'beoordelaar@demo.test',
  chef_van_de_dag: 'chef@demo.test',
  crisisteam: 'crisis@demo.test',
  gedragswetenschapper: 'gw@demo.test',
  medewerker: 'medewerker@demo.test',
  manager: 'manager@demo.test',
  wijkteam: 'wijkteam.enschede@demo.test',
  privacy_officer: 'privacy@demo.test',
  beheerder: 'beheer@demo.test',
} as const;
type Role = keyof typeof roles;

let t: TestContext;
const sessions = {} as Record<Role, Session>;
let adviesId: string;
let meldingId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const [role, email] of Object.entries(roles)) sessions[role as Role] = await login(t.app, email);
  adviesId = ((await t.app.inject({ method: 'POST', url: '/api/adviezen', payload: adviesBody(), headers: sessions.adviseur.headers })).json() as { id: string }).id;
  meldingId = ((await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string }).id;
});
afterAll(() => t.close());

const caseReaders: Role[] = ['beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'medewerker'];

const matrix: { name: string; method: 'GET' | 'POST'; url: () => string; body?: () => object; allowed: Role[]; breakGlass?: Role[]; partner?: boolean }[] = [
  { name: 'POST /api/adviezen', method: 'POST', url: () => '/api/adviezen', body: () => adviesBody(), allowed: ['adviseur', 'chef_van_de_dag'] },
  { name: 'GET /api/adviezen', method: 'GET', url: () => '/api/adviezen', allowed: ['adviseur', 'beoordelaar', 'chef_van_de_dag'] },
  { name: 'GET /api/adviezen/:id', method: 'GET', url: () => `/api/adviezen/${adviesId}`, allowed: ['adviseur', 'beoordelaar', 'chef_van_de_dag'] },
  { name: 'POST /api/meldingen', method: 'POST', url: () => '/api/meldingen', body: () => meldingBody(), allowed: ['adviseur', 'beoordelaar', 'chef_van_de_dag'], partner: true },
  { name: 'GET /api/meldingen', method: 'GET', url: () => '/api/meldingen', allowed: caseReaders },
  // adviseur and wijkteam pass the role check and then meet the record rule (404): they are "allowed" here. The
  // case waits at the beoordeling team, so crisisteam, gedragswetenschapper and medewerker need break-glass.
  { name: 'GET /api/meldingen/:id', method: 'GET', url: () => `/api/meldingen/${meldingId}`, allowed: ['beoordelaar', 'chef_van_de_dag', 'adviseur', 'wijkteam'], breakGlass: ['crisisteam', 'gedragswetenschapper', 'medewerker'] },
  { name: 'GET /api/meldingen/:id/historie', method: 'GET', url: () => `/api/meldingen/${meldingId}/historie`, allowed: ['beoordelaar', 'chef_van_de_dag', 'adviseur', 'wijkteam'], breakGlass: ['crisisteam', 'gedragswetenschapper', 'medewerker'] },
  // Allowed to ask (409 for the own queue, 404 for what the record rules hide); the grant itself is tested in break-glass.test.ts.
  { name: 'POST /api/meldingen/:id/break-glass', method: 'POST', url: () => `/api/meldingen/${meldingId}/break-glass`, body: () => ({ reden: 'Matrix: alleen de rolcontrole.' }), allowed: caseReaders },
  { name: 'GET /api/break-glass', method: 'GET', url: () => '/api/break-glass', allowed: ['manager', 'privacy_officer'] },
  { name: 'POST /api/meldingen/:id/beoordeling', method: 'POST', url: () => `/api/meldingen/${meldingId}/beoordeling`, body: () => ({ route: 'mdo', band: 'P3', reason: 'matrix' }), allowed: ['beoordelaar', 'chef_van_de_dag'] },
  { name: 'POST /api/meldingen/:id/aanvulling', method: 'POST', url: () => `/api/meldingen/${meldingId}/aanvulling`, body: () => ({ toelichting: 'matrix' }), allowed: ['beoordelaar', 'chef_van_de_dag'] },
  { name: 'POST /api/meldingen/:id/toewijzing', method: 'POST', url: () => `/api/meldingen/${meldingId}/toewijzing`, body: () => ({ userIds: [sessions.crisisteam.userId] }), allowed: ['chef_van_de_dag'] },
  { name: 'GET /api/werkvoorraad', method: 'GET', url: () => '/api/werkvoorraad?team=beoordeling', allowed: caseReaders },
  { name: 'GET /api/users', method: 'GET', url: () => '/api/users', allowed: ['chef_van_de_dag', 'gedragswetenschapper', 'beheerder'] },
  { name: 'GET /api/audit', method: 'GET', url: () => '/api/audit', allowed: ['privacy_officer'] },
  { name: 'GET /api/admin/users', method: 'GET', url: () => '/api/admin/users', allowed: ['beheerder'] },
  { name: 'POST /api/kalender/niet-werkdagen', method: 'POST', url: () => '/api/kalender/niet-werkdagen', body: () => ({ datum: '2033-06-06', omschrijving: 'Matrix' }), allowed: ['beheerder'] },
];

describe.each(matrix)('$name', (row) => {
  it.each(Object.keys(roles) as Role[])('%s', async (role) => {
    const res = await t.app.inject({ method: row.method, url: row.url(), headers: sessions[role].headers, ...(row.body ? { payload: row.body() } : {}) });
    if (row.allowed.includes(role)) expect([401, 403], `${role} ${row.name}: ${res.body}`).not.toContain(res.statusCode);
    else if (row.breakGlass?.includes(role)) expect(res.json(), `${role} ${row.name}`).toMatchObject({ code: 'BREAK_GLASS_REQUIRED' });
    else {
      expect(res.statusCode, `${role} ${row.name}`).toBe(403);
      expect(res.json(), `${role} ${row.name}`).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('a partner API key', async () => {
    const res = await t.app.inject({ method: row.method, url: row.url(), headers: partnerHeaders, ...(row.body ? { payload: row.body() } : {}) });
    if (row.partner) expect([401, 403]).not.toContain(res.statusCode);
    else expect(res.statusCode).toBe(403);
  });

  it('nobody signed in', async () => {
    const res = await t.app.inject({ method: row.method, url: row.url(), ...(row.body ? { payload: row.body() } : {}) });
    expect(res.statusCode).toBe(401);
  });
});
