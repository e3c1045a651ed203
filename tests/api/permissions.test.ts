// Role × operation, generated from the OpenAPI document and the permission matrix (server/src/authz.ts): every
// operation the API describes is called by every role, by a partner key and by nobody, and each answer is one exact
// status. The role gate runs before the body is read, so a caller the matrix refuses gets 403 FORBIDDEN whatever it
// sends; a caller it admits gets past the gate to the route's own first answer: 400 VALIDATION for a body or query
// that is missing, 404 for an id that does not exist, 200 for a list. A 500, or a 403 where the matrix says yes,
// fails. Which record a role may see is tested in record-rule.test.ts; the happy paths in the feature tests.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, can, permissions, type Action } from '../../server/src/authz.ts';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';

const accounts = {
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
type Role = keyof typeof accounts;
const roleNames = Object.keys(accounts) as Role[];

interface Operation {
  method: string;
  /** The OpenAPI path, e.g. /api/meldingen/{id}. */
  path: string;
  /** The route as fastify knows it, e.g. /api/meldingen/:id. */
  route: string;
  bodyRequired: boolean;
  queryRequired: boolean;
  hasId: boolean;
  stream: boolean;
}

type OpenApiOperation = {
  parameters?: { in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: { required?: string[]; minProperties?: number } }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
};

// The operations any caller reaches without a session, and those every signed-in user reaches: written out, so a
// route that opens up shows in a review of this file. They are tested where they are built (sessions, totp,
// accounts, hardening).
const PUBLIC = [
  'GET /api/health/live',
  'GET /api/health/ready',
  'POST /api/auth/activatie',
  'POST /api/auth/activeren',
  'POST /api/auth/login',
  // The online melding for professionals and its confirmation (issue #20): no staff session, their own abuse limits.
  'GET /api/publiek/formulier',
  'POST /api/publiek/bevestigen',
  'POST /api/publiek/meldingen',
  // The melder's status page: the token is the key (issue #20).
  'GET /api/publiek/status/{token}',
  // The web chat's visitor side (issue #21): anonymous, its own limits.
  'GET /api/publiek/chat/status',
  'POST /api/publiek/chat',
].sort();
const SIGNED_IN = [
  'GET /api/auth/session',
  'POST /api/auth/logout',
  'POST /api/auth/totp',
  'POST /api/auth/totp/confirm',
  'POST /api/auth/totp/enrol',
  'POST /api/auth/wachtwoord',
];

/** The first answer past the gate for a caller the matrix admits, sent an empty body, no query and an unknown id. */
function expectedPastGate(op: Operation): number {
  if (op.bodyRequired || op.queryRequired) return 400;
  if (op.hasId) return 404;
  return 200;
}

let t: TestContext;
const sessions = {} as Record<Role, Session>;
let operations: Operation[];

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roleNames) sessions[role] = await login(t.app, accounts[role]);
  const doc = t.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
  operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      route: path.replace(/\{(\w+)\}/g, ':$1'),
      bodyRequired: Object.values(op.requestBody?.content ?? {}).some((c) => (c.schema?.required ?? []).length > 0 || (c.schema?.minProperties ?? 0) > 0),
      queryRequired: (op.parameters ?? []).some((p) => p.in === 'query' && p.required),
      hasId: /\{(id|sleutel|sleutelId|versie|berichtId)\}/.test(path),
      stream: Object.values(op.responses ?? {}).some((r) => Object.keys(r.content ?? {}).includes('text/event-stream')),
    })),
  );
});
afterAll(() => t.close());

const gateOf = (op: Operation) => t.app.routeGates.get(`${op.method} ${op.route}`);
const actionsOf = (op: Operation) => {
  const gate = gateOf(op);
  return Array.isArray(gate) ? (gate as readonly Action[]) : null;
};
const call = (op: Operation, headers: Record<string, string>) =>
  t.app.inject({
    method: op.method as 'GET',
    // An unknown id, a key with nothing under it (a draft: routes/concepten.ts) or a policy version that does not exist.
    url: op.path.replace('{id}', randomUUID()).replace('{sleutelId}', randomUUID()).replace('{berichtId}', 'onbekend-bericht').replace('{sleutel}', 'advies').replace('{versie}', 'v9').replace('{tabel}', '84849NED'),
    headers,
    ...(op.method === 'GET' ? {} : { payload: {} }),
  });

describe('the permission test covers the API', () => {
  it('every operation of the OpenAPI document has a gate, and every /api route is described', () => {
    expect(operations.length).toBeGreaterThan(60);
    for (const op of operations) expect(gateOf(op), `${op.method} ${op.path}`).toBeDefined();
    const described = new Set(operations.map((o) => `${o.method} ${o.route}`));
    // WebSockets are no HTTP operation OpenAPI describes: the chat's two (issue #21) are named here, with their gates.
    const undocumented = [...t.app.routeGates.keys()].filter((k) => !described.has(k));
    expect(undocumented.sort()).toEqual(['GET /api/chat/ws', 'GET /api/publiek/chat/ws']);
    expect(t.app.routeGates.get('GET /api/chat/ws')).toEqual(['chat:voeren']);
    expect(t.app.routeGates.get('GET /api/publiek/chat/ws')).toBe('public');
  });

  it('the web app is typed from this very document (npm run openapi:export && npm run gen:api -w web)', () => {
    const committed = readFileSync(new URL('../../web/openapi.json', import.meta.url), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(t.app.swagger())));
  });

  it('exactly these operations are public, and exactly these open to any signed-in user', () => {
    const named = (g: string) => operations.filter((o) => gateOf(o) === g).map((o) => `${o.method} ${o.path}`).sort();
    expect(named('public')).toEqual(PUBLIC);
    expect(named('signed-in')).toEqual(SIGNED_IN);
  });

  it('every permission of the matrix guards at least one operation, and names only real roles', () => {
    const used = new Set(operations.flatMap((o) => actionsOf(o) ?? []));
    // Checked inside a handler on top of the route's own permission (who sees the reasons; who closes any case).
    const inHandlers: Action[] = ['herinneringen:read', 'audit:read', 'melding:afsluiten_alle', 'queues:admin'];
    expect(actions.filter((a) => !used.has(a) && !inHandlers.includes(a))).toEqual([]);
    for (const a of actions) for (const r of permissions[a]) expect(roleNames).toContain(r);
  });
});

// Written out by hand from "Who may act" in api.md, independently of authz.ts: the matrix the test above is
// generated from must agree with the contract on these.
const caseReaders: Role[] = ['beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper', 'medewerker'];
const CONTRACT: Record<string, Role[]> = {
  'POST /api/adviezen': ['adviseur', 'chef_van_de_dag'],
  'GET /api/adviezen': ['adviseur', 'beoordelaar', 'chef_van_de_dag'],
  'GET /api/adviezen/{id}': ['adviseur', 'beoordelaar', 'chef_van_de_dag'],
  'POST /api/meldingen': ['adviseur', 'beoordelaar', 'chef_van_de_dag'],
  'GET /api/meldingen': caseReaders,
  // adviseur and wijkteam pass the gate and then meet the record rule (their own meldingen; their gemeente's).
  'GET /api/meldingen/{id}': [...caseReaders, 'adviseur', 'wijkteam'],
  'GET /api/meldingen/{id}/historie': [...caseReaders, 'adviseur', 'wijkteam'],
  'POST /api/meldingen/{id}/break-glass': caseReaders,
  'GET /api/break-glass': ['manager', 'privacy_officer'],
  'POST /api/meldingen/{id}/beoordeling': ['beoordelaar', 'chef_van_de_dag'],
  'POST /api/meldingen/{id}/aanvulling': ['beoordelaar', 'chef_van_de_dag'],
  'POST /api/meldingen/{id}/toewijzing': ['chef_van_de_dag'],
  'POST /api/meldingen/{id}/thv': ['beoordelaar', 'chef_van_de_dag', 'crisisteam'],
  'POST /api/meldingen/{id}/acute-inzet': ['beoordelaar', 'chef_van_de_dag', 'crisisteam'],
  'POST /api/meldingen/{id}/doorzetten': ['beoordelaar', 'chef_van_de_dag', 'crisisteam'],
  'POST /api/meldingen/{id}/afsluiten': ['beoordelaar', 'chef_van_de_dag', 'crisisteam', 'medewerker'],
  'POST /api/meldingen/{id}/onderzoek': ['chef_van_de_dag', 'medewerker'],
  'POST /api/mdo': ['chef_van_de_dag', 'gedragswetenschapper'],
  'GET /api/werkvoorraad': caseReaders,
  'GET /api/overdrachten': ['beoordelaar', 'chef_van_de_dag', 'medewerker', 'wijkteam'],
  'GET /api/dashboard/wachtlijst': ['chef_van_de_dag', 'manager'],
  'GET /api/dashboard/gemeenten': ['chef_van_de_dag', 'manager'],
  'GET /api/rapportage/halfjaar': ['chef_van_de_dag', 'manager'],
  'POST /api/rapportage/aanleveringen': ['manager'],
  'GET /api/users': ['beheerder', 'beoordelaar', 'chef_van_de_dag', 'crisisteam', 'gedragswetenschapper'],
  'GET /api/audit': ['privacy_officer'],
  'GET /api/admin/users': ['beheerder'],
  'GET /api/admin/ketenpartners': ['beheerder'],
  'POST /api/admin/ketenpartners': ['beheerder'],
  // Chain messages are the partner systems' (their API key's scope), no staff role's.
  'POST /api/ketenberichten': [],
  'GET /api/ketenberichten/{berichtId}': [],
  'POST /api/kalender/niet-werkdagen': ['beheerder'],
  'GET /api/triage/vergelijking': ['beheerder', 'chef_van_de_dag', 'manager'],
  'GET /api/triage/vergelijking/zaken': ['chef_van_de_dag'],
  'POST /api/triage/beleid/activeren': ['beheerder'],
  'GET /api/triage/toetsing': ['beheerder', 'manager'],
};

describe('role × operation', () => {
  it.each(Object.entries(CONTRACT))('the matrix lets exactly the contract\'s roles through %s', (name, roles) => {
    const op = operations.find((o) => `${o.method} ${o.path}` === name);
    expect(op, name).toBeDefined();
    const through = roleNames.filter((r) => actionsOf(op!)!.every((a) => can({ type: 'user', id: r, roles: [r], teamId: null, gemeente: null }, a)));
    expect(through.sort()).toEqual([...roles].sort());
  });

  it.each(roleNames)('%s gets exactly what the matrix says on every operation', async (role) => {
    const user = { type: 'user' as const, id: sessions[role].userId, roles: [role], teamId: null, gemeente: null };
    const seen: string[] = [];
    for (const op of operations) {
      const needs = actionsOf(op);
      if (!needs) continue;
      const allowed = needs.every((a) => can(user, a));
      if (allowed && op.stream) continue; // the stream stays open; events.test.ts reads it
      const res = await call(op, sessions[role].headers);
      const want = allowed ? expectedPastGate(op) : 403;
      seen.push(`${op.method} ${op.path} ${res.statusCode}`);
      expect(res.statusCode, `${role} ${op.method} ${op.path}: ${res.body.slice(0, 200)}`).toBe(want);
      if (!allowed) expect(res.json(), `${role} ${op.method} ${op.path}`).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(seen.length).toBeGreaterThan(50);
  });

  it('a partner API key reaches its scope and nothing else', async () => {
    // The demo partner's scopes (db/src/seed.ts): one by one and in bulk.
    const partner = { type: 'client' as const, id: 'partner', naam: 'partner', scopes: ['meldingen:create', 'ketenberichten'] };
    for (const op of operations) {
      const needs = actionsOf(op);
      if (!needs) continue;
      const allowed = needs.every((a) => can(partner, a));
      const res = await call(op, partnerHeaders);
      expect(res.statusCode, `partner ${op.method} ${op.path}: ${res.body.slice(0, 200)}`).toBe(allowed ? expectedPastGate(op) : 403);
    }
  });

  it('nobody signed in gets 401 on every operation that is not public', async () => {
    for (const op of operations) {
      if (gateOf(op) === 'public') continue;
      const res = await call(op, {});
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});
