// The record rule on every route (issue #14, finding 1): every route that reads, changes or returns part of a case
// obeys the same rule as the case read. The routes are taken from the OpenAPI document, so a new `:id` route (or a
// body with a meldingId) that this file does not know fails here. One case sits outside every case worker's queue
// (handed over to the Enschede wijkteam, decided by the chef van de dag): each case role is refused with 403
// BREAK_GLASS_REQUIRED and nothing changes; roles that may not see it get 404; with a grant each passes the rule and
// its audit row carries the grant.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@vt/db';
import { addDays, amsterdamDate } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

const emails = {
  adviseur: 'adviseur@demo.test',
  beoordelaar: 'beoordelaar@demo.test',
  crisisteam: 'crisis@demo.test',
  gedragswetenschapper: 'gw@demo.test',
  medewerker: 'medewerker@demo.test',
  manager: 'manager@demo.test',
  privacy_officer: 'privacy@demo.test',
  beheerder: 'beheer@demo.test',
  wijkteam_hengelo: 'wijkteam.hengelo@demo.test',
} as const;
type Who = keyof typeof emails;
/** Roles that work on case files and have a queue of their own (the chef van de dag has none: no break-glass). */
const caseWorkers: Who[] = ['beoordelaar', 'crisisteam', 'gedragswetenschapper', 'medewerker'];

let t: TestContext;
const s = {} as Record<Who, Session>;
let chef: Session;
const ids = { melding: '', overdracht: '', thv: '', voorwaarde: '', checkpoint: '', codeRood: '', terugkoppeling: '', mdo: '' };
const today = amsterdamDate(new Date());

const call = (method: string, url: string, who: Session | undefined, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, ...(who ? { headers: who.headers } : {}), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries(emails)) s[who as Who] = await login(t.app, email);
  chef = await login(t.app, 'chef@demo.test');
  const created = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() });
  ids.melding = (created.json() as { id: string }).id;
  const m = ids.melding;
  expect((await call('POST', `/api/meldingen/${m}/beoordeling`, chef, { route: 'crisisteam', band: 'P1', reason: 'Acuut, chef beslist.' })).statusCode).toBe(200);
  ids.thv = ((await call('POST', `/api/meldingen/${m}/thv`, chef, { opgelegdOp: today })).json() as { id: string }).id;
  ids.codeRood = ((await call('POST', `/api/meldingen/${m}/code-rood`, chef, { datum: today, toelichting: 'Escalatie naar Zorg- en Veiligheidshuis.' })).json() as { id: string }).id;
  ids.overdracht = ((await call('POST', `/api/meldingen/${m}/overdracht`, chef, { gemeente: 'GM0153', toelichting: 'Naar het wijkteam Enschede.' })).json() as { id: string }).id;
  const { db } = t.db.handle;
  ids.voorwaarde = (await db.insert(schema.vvVoorwaarden).values({ meldingId: m, omschrijving: 'Geen alcohol in huis.', toezichthouder: 'Huisarts', controleOp: addDays(today, 14) }).returning())[0]!.id;
  ids.checkpoint = (await db.insert(schema.monitoringCheckpoints).values({ meldingId: m, dueDate: addDays(today, 90) }).returning())[0]!.id;
  ids.terugkoppeling = (await db.select().from(schema.terugkoppelingen).where(sql`melding_id = ${m}`))[0]!.id;
  ids.mdo = ((await call('POST', '/api/mdo', s.gedragswetenschapper, { datum: today, deelnemers: [s.gedragswetenschapper.userId] })).json() as { id: string }).id;
  // The case now sits with the Enschede wijkteam: outside the queue of every case worker of Veilig Thuis.
  const [row] = await db.execute<{ kind: string }>(sql`select t.kind::text from meldingen m join teams t on t.id = m.team_id where m.id = ${m}`);
  expect(row!.kind).toBe('wijkteam');
});
afterAll(() => t.close());

/** Which case a route touches, by its path in the OpenAPI document; null for routes whose `{id}` is not a case. */
function entityOf(method: string, path: string): keyof typeof ids | 'body' | null {
  if (path.startsWith('/api/meldingen/{id}')) return 'melding';
  const child: Record<string, keyof typeof ids> = {
    '/api/overdrachten/{id}': 'overdracht',
    '/api/thv/{id}': 'thv',
    '/api/voorwaarden/{id}': 'voorwaarde',
    '/api/monitoring/{id}': 'checkpoint',
    '/api/code-rood/{id}': 'codeRood',
    '/api/terugkoppelingen/{id}': 'terugkoppeling',
  };
  for (const [prefix, e] of Object.entries(child)) if (path.startsWith(prefix)) return e;
  if (method === 'POST' && ['/api/mdo/{id}/agenda', '/api/mdo/{id}/besluiten', '/api/vernietigingsverzoeken'].includes(path)) return 'body';
  return null;
}

/** Routes with an `{id}` that is not a case, and why they do not take the case's rule. */
const notACase: Record<string, string> = {
  'GET /api/adviezen/{id}': 'an advies is the caller’s, not a case file about a household',
  'POST /api/adviezen/{id}/melding': 'turns an advies into a new melding',
  'GET /api/mdo/{id}': 'the meeting’s agenda: for whoever runs MDOs and its participants',
  'POST /api/admin/users/{id}/uitschakelen': 'a user',
  'POST /api/admin/users/{id}/inschakelen': 'a user',
  'POST /api/admin/users/{id}/tweestaps-herstellen': 'a user',
  'POST /api/admin/users/{id}/rollen': 'a user',
  'POST /api/admin/users/{id}/activatielink': 'a user',
  'POST /api/admin/ketenpartners/{id}/sleutels': 'a partner system',
  'POST /api/admin/ketenpartners/{id}/sleutels/{sleutelId}/intrekken': 'a partner system',
  'POST /api/admin/ketenpartners/{id}/intrekken': 'a partner system',
  'POST /api/admin/rol-aanvragen/{id}/besluit': 'a role request',
  'POST /api/vernietigingsverzoeken/{id}/besluit': 'the privacy officer decides a request',
  'GET /api/rapportage/aanleveringen/{id}': 'a delivery to CBS: aggregates only',
  'GET /api/rapportage/aanleveringen/{id}/tabellen/{tabel}': 'a table of a delivery to CBS: aggregates only',
  'POST /api/chat/sessies/{id}/advies': 'a web chat’s figures, linked to the advies its adviseur filed',
  'PUT /api/admin/chatteksten/{id}': 'a standard text of the chat console',
};

/** A valid body for each case route (the rule is checked before what the body asks is weighed). */
const bodies: Record<string, () => object | undefined> = {
  'GET /api/meldingen/{id}': () => undefined,
  'GET /api/meldingen/{id}/historie': () => undefined,
  'POST /api/meldingen/{id}/break-glass': () => ({ reden: 'Politie belt over dit adres, nachtdienst.' }),
  'POST /api/meldingen/{id}/beoordeling': () => ({ route: 'mdo', band: 'P2', reason: 'Anders beoordeeld.' }),
  'POST /api/meldingen/{id}/aanvulling': () => ({ toelichting: 'Nieuwe informatie van de school.' }),
  'POST /api/meldingen/{id}/toewijzing': () => ({ userIds: [s.crisisteam.userId] }),
  'POST /api/meldingen/{id}/overdracht': () => ({ gemeente: 'GM0164', toelichting: 'Verhuisd naar Hengelo.' }),
  'POST /api/meldingen/{id}/thv': () => ({ opgelegdOp: today }),
  'POST /api/meldingen/{id}/voorwaarden': () => ({ omschrijving: 'Kinderen naar school.', toezichthouder: 'School', controleOp: addDays(today, 21) }),
  'POST /api/meldingen/{id}/afsluiten': () => ({ reden: 'Afgesloten: veiligheid hersteld.' }),
  'POST /api/meldingen/{id}/code-rood': () => ({ datum: today, toelichting: 'Nog een escalatie.' }),
  'POST /api/meldingen/{id}/acute-inzet': () => ({ gegevenOp: new Date().toISOString(), acties: ['huisbezoek'], uitvoerders: [s.crisisteam.userId] }),
  'POST /api/meldingen/{id}/doorzetten': () => ({ naar: 'mdo', toelichting: 'Acuut gevaar geweken.' }),
  'POST /api/meldingen/{id}/onderzoek': () => ({}),
  'POST /api/meldingen/{id}/onderzoek/afronden': () => ({ uitkomsten: [{ geweldsvorm: 'partnergeweld', conclusie: 'bevestigd' }], vervolg: 'afsluiten' }),
  'POST /api/overdrachten/{id}/accepteren': () => ({}),
  'POST /api/overdrachten/{id}/terugsturen': () => ({ reden: 'Niet onze gemeente.' }),
  'POST /api/thv/{id}/verlengen': () => ({ totEnMet: addDays(today, 20) }),
  'POST /api/voorwaarden/{id}/beoordeling': () => ({ uitkomst: 'nagekomen', toelichting: 'Huisarts bevestigt.' }),
  'POST /api/monitoring/{id}': () => ({ uitkomst: 'veilig', toelichting: 'Rust in huis.' }),
  'POST /api/code-rood/{id}/uitkomst': () => ({ datum: today, uitkomst: 'Afgerond in het ZVH.' }),
  'POST /api/terugkoppelingen/{id}/gedaan': () => ({ bericht: 'Veilig Thuis heeft de veiligheid beoordeeld.' }),
  'POST /api/meldingen/{id}/statuslink': () => undefined,
  'POST /api/meldingen/{id}/statuslink/intrekken': () => undefined,
  'POST /api/mdo/{id}/agenda': () => ({ meldingId: ids.melding }),
  'POST /api/mdo/{id}/besluiten': () => ({ meldingId: ids.melding, besluit: 'onderzoek', toelichting: 'Onderzoek nodig.' }),
  'POST /api/vernietigingsverzoeken': () => ({ meldingId: ids.melding, reden: 'Betrokkene vraagt om vernietiging.' }),
};

interface CaseRoute {
  key: string;
  method: string;
  url: string;
}

function caseRoutes(): CaseRoute[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> };
  const out: CaseRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      const key = `${method} ${path}`;
      const bodyHasMelding = Boolean(op.requestBody?.content?.['application/json']?.schema?.properties?.meldingId);
      if (!path.includes('{id}') && !bodyHasMelding) continue;
      const entity = entityOf(method, path);
      if (!entity) {
        expect(notACase, `${key}: a route with an id that is neither a case route nor listed as not a case`).toHaveProperty([key]);
        continue;
      }
      expect(bodies, `${key}: add a body for this case route`).toHaveProperty([key]);
      const id = entity === 'body' ? ids.mdo : ids[entity];
      out.push({ key, method, url: path.replace('{id}', id) });
    }
  }
  return out;
}

const historyLength = async () => {
  const [r] = await t.db.handle.db.execute<{ n: number; updated: string }>(
    sql`select (select count(*)::int from melding_events where melding_id = ${ids.melding}) as n, (select updated_at::text from meldingen where id = ${ids.melding}) as updated`,
  );
  return r!;
};

const refused: { route: CaseRoute; who: Who }[] = [];

describe('the record rule on every case route', () => {
  it('knows every route of the OpenAPI document that takes an id or a meldingId', () => {
    const routes = caseRoutes();
    expect(routes.length).toBe(Object.keys(bodies).length);
  });

  it('refuses each case worker outside its queue with BREAK_GLASS_REQUIRED, hides the case from roles that may not see it, and changes nothing', async () => {
    const before = await historyLength();
    const chefOnly: string[] = [];
    for (const route of caseRoutes()) {
      // Asking for break-glass is how one passes the rule: it is walked in the next test.
      if (route.key === 'POST /api/meldingen/{id}/break-glass') continue;
      let checked = 0;
      for (const who of Object.keys(emails) as Who[]) {
        const res = await call(route.method, route.url, s[who], bodies[route.key]!());
        const body = res.json() as { code?: string };
        if (res.statusCode === 403 && body.code === 'FORBIDDEN') continue; // the role may not take this action at all
        checked++;
        if (caseWorkers.includes(who)) {
          expect(body.code, `${who} ${route.key}: ${res.body}`).toBe('BREAK_GLASS_REQUIRED');
          refused.push({ route, who });
        } else {
          // adviseur (did not file it), wijkteam Hengelo (not handed to it): the case does not exist for them.
          expect(res.statusCode, `${who} ${route.key}: ${res.body}`).toBe(404);
        }
      }
      if (!checked) chefOnly.push(route.key);
    }
    // Only assigning is the chef van de dag's alone (who needs no break-glass); every other route met the rule.
    expect(chefOnly).toEqual(['POST /api/meldingen/{id}/toewijzing']);
    expect(await historyLength()).toEqual(before);
    const [denied] = await t.db.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where subject_id = ${ids.melding} and result = 'denied' and purpose = 'break_glass_required'`,
    );
    expect(denied!.n).toBe(refused.length);
  });

  it('lists nothing of the case to those outside its queue', async () => {
    for (const who of caseWorkers) {
      const lists = ['/api/meldingen', '/api/werkvoorraad?team=wijkteam', '/api/overdrachten', '/api/herinneringen', '/api/mdo/wachtrij'];
      for (const url of lists) {
        const res = await call('GET', url, s[who]);
        if (res.statusCode === 403) continue;
        expect(res.statusCode, `${who} ${url}`).toBe(200);
        expect(res.body, `${who} ${url}`).not.toContain(ids.melding);
      }
    }
    // The chef van de dag runs the day and sees it.
    expect((await call('GET', '/api/overdrachten', chef)).body).toContain(ids.melding);
  });

  it('sends live events about the case only to those who may open it', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const listen = (who: Session) => {
      const controller = new AbortController();
      let text = '';
      const done = (async () => {
        const res = await fetch(`${address}/api/events`, { headers: { cookie: who.cookie }, signal: controller.signal });
        const reader = res.body!.getReader();
        for (;;) {
          const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (end) return;
          text += new TextDecoder().decode(value);
        }
      })();
      return { text: () => text, stop: async () => (controller.abort(), done) };
    };
    const streams = { chef: listen(chef), medewerker: listen(s.medewerker), adviseur: listen(s.adviseur) };
    await new Promise((r) => setTimeout(r, 300));
    expect((await call('POST', `/api/meldingen/${ids.melding}/aanvulling`, chef, { toelichting: 'Chef vult aan.' })).statusCode).toBe(200);
    const deadline = Date.now() + 5000;
    while (!streams.chef.text().includes(ids.melding) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    for (const x of Object.values(streams)) await x.stop();
    expect(streams.chef.text()).toContain(ids.melding);
    expect(streams.medewerker.text()).not.toContain(ids.melding);
    expect(streams.adviseur.text()).not.toContain(ids.melding);
    // The manager sees aggregates only: no live case events at all.
    expect((await call('GET', '/api/events', s.manager)).statusCode).toBe(403);
  });

  it('lets each through with a break-glass grant, and every audit row of the access carries the grant', async () => {
    const grants = new Map<Who, string>();
    for (const who of caseWorkers) {
      const res = await call('POST', `/api/meldingen/${ids.melding}/break-glass`, s[who], { reden: 'Politie belt over dit adres, nachtdienst.' });
      expect(res.statusCode, `${who}: ${res.body}`).toBe(201);
      grants.set(who, (res.json() as { id: string }).id);
    }
    for (const { route, who } of refused) {
      const res = await call(route.method, route.url, s[who], bodies[route.key]!());
      const body = (res.body ? res.json() : {}) as { code?: string };
      expect(body.code, `${who} ${route.key}`).not.toBe('BREAK_GLASS_REQUIRED');
      expect(res.statusCode, `${who} ${route.key}: ${res.body}`).not.toBe(404);
      if (res.statusCode < 300) {
        const [last] = await t.db.handle.db.execute<{ grant: string | null; result: string }>(
          sql`select break_glass_id::text as grant, result::text from audit_log where actor_id = ${s[who].userId} order by id desc limit 1`,
        );
        expect(last, `${who} ${route.key}`).toMatchObject({ grant: grants.get(who), result: 'success' });
      }
    }
  });
});
