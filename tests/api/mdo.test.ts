// The case after an MDO (issue #6, acceptance 1 and 2): MDO → onderzoek → outcome → overdracht → accepted →
// monitoring → closed; MDO → V&V → monitoring; the onderzoek's 10-week term over DST and holidays.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, desc, eq } from 'drizzle-orm';
import { findMeldingDetail, loadKalender, schema } from '@vt/db';
import { addDays, addMonths, amsterdamDate, amsterdamEndOfDay, amsterdamTime } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let gw: Session;
let medewerker: Session;
let enschede: Session;
let mdoId = '';
let chef: Session;

beforeAll(async () => {
  t = await createTestApp();
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  gw = await login(t.app, 'gw@demo.test');
  medewerker = await login(t.app, 'medewerker@demo.test');
  enschede = await login(t.app, 'wijkteam.enschede@demo.test');
  chef = await login(t.app, 'chef@demo.test');
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST', url: string, s: Session, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

async function toMdo() {
  const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };
  expect((await req('POST', `/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'mdo', band: 'P2', reason: 'Structureel, eerdere hulp bracht geen veiligheid.' })).statusCode).toBe(200);
  return id;
}

// Read as the chef van de dag (whole day's oversight): the gedragswetenschapper would need break-glass once the
// case has moved on to the onderzoek team.
const melding = async (id: string, s: Session = chef) => (await req('GET', `/api/meldingen/${id}`, s)).json() as {
  status: string;
  team: { kind: string } | null;
  onderzoek: { startedAt: string | null; dueDate: string | null; afgerondAt: string | null; uitkomsten: unknown; vervolg: string | null } | null;
  overdracht: { id: string; status: string } | null;
  monitoring: { dueDate: string }[];
  deadlines: { onderzoekDueDate: string | null };
};

const queueItem = async (team: string, id: string) =>
  ((await req('GET', `/api/werkvoorraad?team=${team}`, chef)).json() as { items: { id: string; dueAt: string; status: string; klok: string | null }[] }).items.find((i) => i.id === id);

describe('MDO', () => {
  it('is planned by the gedragswetenschapper, not by a beoordelaar', async () => {
    expect((await req('POST', '/api/mdo', beoordelaar, { datum: '2026-11-26', deelnemers: [gw.userId] })).statusCode).toBe(403);
    const res = await req('POST', '/api/mdo', gw, { datum: '2026-11-26', deelnemers: [gw.userId, medewerker.userId] });
    expect(res.statusCode).toBe(201);
    mdoId = (res.json() as { id: string }).id;
  });

  it('shows its agenda to whoever runs MDOs and to its participants only (the agenda names several cases)', async () => {
    expect((await req('GET', `/api/mdo/${mdoId}`, medewerker)).statusCode).toBe(200);
    expect((await req('GET', `/api/mdo/${mdoId}`, chef)).statusCode).toBe(200);
    expect((await req('GET', `/api/mdo/${mdoId}`, beoordelaar)).statusCode).toBe(404);
    const ids = (s: Session) => req('GET', '/api/mdo', s).then((r) => (r.json() as { items: { id: string }[] }).items.map((i) => i.id));
    expect(await ids(medewerker)).toContain(mdoId);
    expect(await ids(beoordelaar)).not.toContain(mdoId);
  });

  it('walks MDO → onderzoek → outcome → overdracht → accepted → monitoring → closed', async () => {
    const id = await toMdo();
    const queue = (await req('GET', '/api/mdo/wachtrij', gw)).json() as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id)).toContain(id);
    expect((await req('POST', `/api/mdo/${mdoId}/agenda`, gw, { meldingId: id })).statusCode).toBe(201);
    expect((await req('POST', `/api/mdo/${mdoId}/agenda`, gw, { meldingId: id })).statusCode).toBe(409);
    expect(((await req('GET', '/api/mdo/wachtrij', gw)).json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(id);
    const list = (await req('GET', '/api/mdo', gw)).json() as { items: { id: string; punten: number; open: number }[] };
    expect(list.items.find((m) => m.id === mdoId)).toMatchObject({ punten: 1, open: 1 });
    const agenda = (await req('GET', `/api/mdo/${mdoId}`, gw)).json() as { agenda: { meldingId: string; besluit: string | null }[]; deelnemers: { id: string }[] };
    expect(agenda.agenda.find((a) => a.meldingId === id)).toMatchObject({ besluit: null });
    expect(agenda.deelnemers.map((d) => d.id).sort()).toEqual([gw.userId, medewerker.userId].sort());

    expect((await req('POST', `/api/mdo/${mdoId}/besluiten`, medewerker, { meldingId: id, besluit: 'onderzoek', toelichting: 'Onduidelijk of er geweld is.' })).statusCode).toBe(403);
    const besluit = await req('POST', `/api/mdo/${mdoId}/besluiten`, gw, { meldingId: id, besluit: 'onderzoek', toelichting: 'Onduidelijk of er geweld is.', eigenaar: medewerker.userId });
    expect(besluit.statusCode).toBe(200);
    // Decided once. The case has left the MDO's queue for the onderzoek team: the gedragswetenschapper meets the
    // record rule first; the chef van de dag (who needs no break-glass) meets the conflict.
    expect((await req('POST', `/api/mdo/${mdoId}/besluiten`, gw, { meldingId: id, besluit: 'vv', toelichting: 'Toch anders.' })).json()).toMatchObject({ code: 'BREAK_GLASS_REQUIRED' });
    expect((await req('POST', `/api/mdo/${mdoId}/besluiten`, chef, { meldingId: id, besluit: 'vv', toelichting: 'Toch anders.' })).statusCode).toBe(409);
    let m = await melding(id);
    expect(m).toMatchObject({ status: 'onderzoek', team: { kind: 'onderzoek' }, onderzoek: { startedAt: null, dueDate: null } });
    // On the wachtlijst the case runs on the wachtlijst's own clock (issue #16): the onderzoek starts within 10
    // working days of the besluit (WACHTLIJST_START_WERKDAGEN), so it is not late the moment it arrives.
    const kalender = await loadKalender(t.db.handle.db);
    const startBy = amsterdamEndOfDay(kalender.addWerkdagen(amsterdamDate(new Date()), 10)).toISOString();
    expect(await queueItem('onderzoek', id)).toMatchObject({ klok: 'start_onderzoek', dueAt: startBy });
    expect(((await req('GET', `/api/meldingen/${id}`, chef)).json() as { deadlines: { stap: unknown } }).deadlines.stap).toEqual({ klok: 'start_onderzoek', dueAt: startBy });

    // On the wachtlijst until the medewerker starts it: the term is 70 days.
    const start = await req('POST', `/api/meldingen/${id}/onderzoek`, medewerker, { startedAt: '2026-11-30' });
    expect(start.statusCode).toBe(201);
    expect(start.json()).toMatchObject({ startedAt: '2026-11-30', dueDate: '2027-02-08' });
    expect((await req('POST', `/api/meldingen/${id}/onderzoek`, medewerker, {})).statusCode).toBe(409);
    m = await melding(id);
    expect(m.deadlines.onderzoekDueDate).toBe('2027-02-08');
    // The werkvoorraad runs against the onderzoek's term: the end of 8 February 2027 in Amsterdam (CET).
    expect((await queueItem('onderzoek', id))?.dueAt).toBe('2027-02-08T22:59:59.999Z');

    const done = await req('POST', `/api/meldingen/${id}/onderzoek/afronden`, medewerker, {
      uitkomsten: [{ geweldsvorm: 'partnergeweld', conclusie: 'bevestigd' }, { geweldsvorm: 'kindermishandeling_psychisch', conclusie: 'niet_bevestigd' }],
      vervolg: 'overdracht',
    });
    expect(done.statusCode, done.body).toBe(200);
    m = await melding(id);
    expect((m as unknown as { terugkoppelingen: { moment: string }[] }).terugkoppelingen.map((k) => k.moment)).toEqual(['na_beoordeling', 'na_onderzoek']);
    expect(m).toMatchObject({ status: 'overdracht', onderzoek: { vervolg: 'overdracht', uitkomsten: expect.arrayContaining([{ geweldsvorm: 'partnergeweld', conclusie: 'bevestigd' }]) }, overdracht: { status: 'verzonden' } });

    const accepted = await req('POST', `/api/overdrachten/${m.overdracht!.id}/accepteren`, enschede, {});
    expect(accepted.statusCode).toBe(200);
    m = await melding(id);
    const today = amsterdamDate(new Date());
    expect(m.status).toBe('monitoring');
    expect(m.monitoring.map((c) => c.dueDate)).toEqual([3, 6, 12].map((n) => addMonths(today, n)));

    expect((await req('POST', `/api/meldingen/${id}/afsluiten`, medewerker, { reden: 'Monitoring afgerond, veiligheid stabiel.' })).statusCode).toBe(200);
    expect((await melding(id)).status).toBe('afgesloten');
    const historie = (await req('GET', `/api/meldingen/${id}/historie`, chef)).json() as { events: { type: string }[] };
    expect(historie.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['mdo_geagendeerd', 'mdo_besluit', 'onderzoek_gestart', 'onderzoek_afgerond', 'overdracht_verzonden', 'overdracht_geaccepteerd', 'monitoring_gepland', 'afgesloten']),
    );
  });

  it('walks MDO → V&V → monitoring, with the conditions as records of their own', async () => {
    const id = await toMdo();
    // Conditions belong to a V&V track: not before the MDO chose it (the chef van de dag may touch any case).
    expect((await req('POST', `/api/meldingen/${id}/voorwaarden`, chef, { omschrijving: 'Geen alcohol in huis.', toezichthouder: 'Huisarts', controleOp: '2027-01-04' })).statusCode).toBe(409);
    await req('POST', `/api/mdo/${mdoId}/agenda`, gw, { meldingId: id });
    const res = await req('POST', `/api/mdo/${mdoId}/besluiten`, gw, { meldingId: id, besluit: 'vv', toelichting: 'Gezin accepteert voorwaarden; school houdt zicht.', eigenaar: medewerker.userId });
    expect(res.statusCode).toBe(200);
    let m = await melding(id);
    const today = amsterdamDate(new Date());
    expect(m.status).toBe('vv');
    const checkpoints = [3, 6, 12].map((n) => addMonths(today, n));
    expect(m.monitoring.map((c) => c.dueDate)).toEqual(checkpoints);
    // Without conditions the werkvoorraad runs against the first checkpoint.
    expect((await queueItem('onderzoek', id))?.dueAt).toBe(amsterdamEndOfDay(checkpoints[0]!).toISOString());

    // Two conditions agreed, each with who watches it and when it is reviewed; the earliest review sets the clock.
    const review = addDays(today, 14);
    const body = { omschrijving: 'Vader drinkt geen alcohol als de kinderen thuis zijn.', toezichthouder: 'Huisarts en wijkverpleging', controleOp: review };
    expect((await req('POST', `/api/meldingen/${id}/voorwaarden`, beoordelaar, body)).statusCode).toBe(403);
    expect((await req('POST', `/api/meldingen/${id}/voorwaarden`, medewerker, { ...body, controleOp: '2027-02-30' })).statusCode).toBe(400);
    const first = await req('POST', `/api/meldingen/${id}/voorwaarden`, medewerker, body);
    expect(first.statusCode, first.body).toBe(201);
    const second = await req('POST', `/api/meldingen/${id}/voorwaarden`, medewerker, { omschrijving: 'Kinderen gaan elke dag naar school.', toezichthouder: 'Intern begeleider school', controleOp: addDays(today, 28) });
    expect(second.statusCode).toBe(201);
    m = await melding(id);
    expect((m as unknown as { voorwaarden: object[] }).voorwaarden).toEqual([
      expect.objectContaining({ omschrijving: body.omschrijving, toezichthouder: body.toezichthouder, controleOp: review, status: 'lopend', beoordeeldAt: null }),
      expect.objectContaining({ toezichthouder: 'Intern begeleider school', status: 'lopend' }),
    ]);
    expect((await queueItem('onderzoek', id))?.dueAt).toBe(amsterdamEndOfDay(review).toISOString());

    // Reviewed as kept: the clock moves on to the next review; reviewed once only.
    const kept = await req('POST', `/api/voorwaarden/${(first.json() as { id: string }).id}/beoordeling`, medewerker, { uitkomst: 'nagekomen', toelichting: 'Huisarts bevestigt: geen incidenten.' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ status: 'nagekomen', escalated: false });
    expect((await req('POST', `/api/voorwaarden/${(first.json() as { id: string }).id}/beoordeling`, medewerker, { uitkomst: 'nagekomen', toelichting: 'Nog eens.' })).statusCode).toBe(409);
    expect((await queueItem('onderzoek', id))?.dueAt).toBe(amsterdamEndOfDay(addDays(today, 28)).toISOString());

    // Not kept: back to the MDO, which chose V&V and now chooses again.
    const broken = await req('POST', `/api/voorwaarden/${(second.json() as { id: string }).id}/beoordeling`, medewerker, { uitkomst: 'niet_nagekomen', toelichting: 'School meldt vijf dagen verzuim.' });
    expect(broken.json()).toMatchObject({ status: 'niet_nagekomen', escalated: true });
    m = await melding(id);
    expect(m).toMatchObject({ status: 'mdo', team: { kind: 'mdo' } });
    const queue = (await req('GET', '/api/mdo/wachtrij', gw)).json() as { items: { id: string }[] };
    expect(queue.items.map((i) => i.id)).toContain(id);
    const historie = (await req('GET', `/api/meldingen/${id}/historie`, chef)).json() as { events: { type: string; data: Record<string, unknown> }[] };
    expect(historie.events.filter((e) => e.type.startsWith('vv_')).map((e) => [e.type, e.data.uitkomst ?? null])).toEqual([
      ['vv_gestart', null],
      ['vv_voorwaarde_vastgelegd', null],
      ['vv_voorwaarde_vastgelegd', null],
      ['vv_voorwaarde_beoordeeld', 'nagekomen'],
      ['vv_voorwaarde_beoordeeld', 'niet_nagekomen'],
    ]);
    // The history names no condition's text: that stays in the case file.
    expect(JSON.stringify(historie.events)).not.toContain('alcohol');
  });

  it('plans the V&V checkpoints from the Amsterdam date of the decision, also at 00:30 (the UTC date is a day earlier)', async () => {
    const id = await toMdo();
    await req('POST', `/api/mdo/${mdoId}/agenda`, gw, { meldingId: id });
    // Yesterday at 00:30 in Amsterdam is 23:30 (winter) or 22:30 (summer) UTC the day before.
    const day = addDays(amsterdamDate(new Date()), -1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(amsterdamTime(day, 0, 30));
    try {
      const res = await req('POST', `/api/mdo/${mdoId}/besluiten`, gw, { meldingId: id, besluit: 'vv', toelichting: 'Nachtelijk besluit.' });
      expect(res.statusCode, res.body).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    expect((await melding(id)).monitoring.map((c) => c.dueDate)).toEqual([3, 6, 12].map((n) => addMonths(day, n)));
  });

  it('starts an onderzoek on the Amsterdam date when no date is given, also at 00:30 (the UTC date is a day earlier)', async () => {
    const id = await toMdo();
    await req('POST', `/api/mdo/${mdoId}/agenda`, gw, { meldingId: id });
    await req('POST', `/api/mdo/${mdoId}/besluiten`, gw, { meldingId: id, besluit: 'onderzoek', toelichting: 'Onderzoek nodig.' });
    const day = addDays(amsterdamDate(new Date()), -1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(amsterdamTime(day, 0, 30));
    try {
      const start = await req('POST', `/api/meldingen/${id}/onderzoek`, chef, {});
      expect(start.statusCode, start.body).toBe(201);
      expect(start.json()).toMatchObject({ startedAt: day });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reminds of a V&V review that passed unrecorded', async () => {
    const id = await toMdo();
    await req('POST', `/api/mdo/${mdoId}/agenda`, gw, { meldingId: id });
    await req('POST', `/api/mdo/${mdoId}/besluiten`, gw, { meldingId: id, besluit: 'vv', toelichting: 'V&V.' });
    const yesterday = addDays(amsterdamDate(new Date()), -1);
    expect((await req('POST', `/api/meldingen/${id}/voorwaarden`, medewerker, { omschrijving: 'Moeder zoekt hulp bij Tactus.', toezichthouder: 'Tactus', controleOp: yesterday })).statusCode).toBe(201);
    const items = ((await req('GET', '/api/herinneringen', medewerker)).json() as { items: { soort: string; meldingId: string; datum: string; dagen: number }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ soort: 'voorwaarde_controle_verstreken', meldingId: id, datum: yesterday, dagen: 1 }));
    // The reminder names the case and the date, never the condition.
    expect(JSON.stringify(items)).not.toContain('Tactus');
  });

  it('counts the onderzoek term in calendar days across DST and holidays', async () => {
    // 70 days from 20 March 2026 crosses the change to summer time (29 March) and Pasen/Koningsdag/Hemelvaart.
    const id = await toMdo();
    await req('POST', `/api/mdo/${mdoId}/agenda`, gw, { meldingId: id });
    await req('POST', `/api/mdo/${mdoId}/besluiten`, gw, { meldingId: id, besluit: 'onderzoek', toelichting: 'Onderzoek nodig.' });
    const start = await req('POST', `/api/meldingen/${id}/onderzoek`, medewerker, { startedAt: '2026-03-20' });
    expect(start.json()).toMatchObject({ dueDate: '2026-05-29' });
  });

  it('lets a medewerker start onderzoeken of its own team only', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };
    expect((await req('POST', `/api/meldingen/${id}/onderzoek`, medewerker, {})).statusCode).toBe(403);
  });

  it('reads the whole case in one statement exactly as plain selects read its rows', async () => {
    // The case of the first walk has every related row: betrokkenen, beoordeling, onderzoek, overdracht,
    // monitoring checkpoints and terugkoppelingen. Add a huisverbod and Code Rood so none is missing.
    const { db } = t.db.handle;
    const [walked] = await db.select({ id: schema.onderzoeken.meldingId }).from(schema.onderzoeken).innerJoin(schema.overdrachten, eq(schema.overdrachten.meldingId, schema.onderzoeken.meldingId)).limit(1);
    const id = walked!.id;
    const [thv] = await db.insert(schema.huisverboden).values({ meldingId: id, opgelegdOp: '2026-11-02', eindigtOp: '2026-11-12' }).returning();
    const [rood] = await db.insert(schema.codeRood).values({ meldingId: id, datum: '2026-11-03', toelichting: 'Escalatie regionaal, geheim.' }).returning();
    const s = schema;
    const [[m], persons, [beoordeling], [overdracht], monitoring, [onderzoek], feedback] = await Promise.all([
      db.select().from(s.meldingen).where(eq(s.meldingen.id, id)),
      db.select().from(s.betrokkenen).where(eq(s.betrokkenen.meldingId, id)).orderBy(asc(s.betrokkenen.volgorde)),
      db.select().from(s.beoordelingen).where(eq(s.beoordelingen.meldingId, id)).orderBy(desc(s.beoordelingen.decidedAt)).limit(1),
      db.select().from(s.overdrachten).where(eq(s.overdrachten.meldingId, id)).orderBy(desc(s.overdrachten.createdAt)).limit(1),
      db.select().from(s.monitoringCheckpoints).where(eq(s.monitoringCheckpoints.meldingId, id)).orderBy(asc(s.monitoringCheckpoints.dueDate)),
      db.select().from(s.onderzoeken).where(eq(s.onderzoeken.meldingId, id)).limit(1),
      db.select().from(s.terugkoppelingen).where(eq(s.terugkoppelingen.meldingId, id)).orderBy(asc(s.terugkoppelingen.dueDate), asc(s.terugkoppelingen.moment)),
    ]);
    const detail = (await findMeldingDetail(db, id))!;
    expect(persons.length).toBeGreaterThan(0);
    expect(monitoring.length).toBe(3);
    expect(feedback.length).toBeGreaterThan(0);
    expect(detail.melding).toEqual(m);
    expect(detail.melding.receivedAt).toBeInstanceOf(Date);
    expect(detail.betrokkenen).toEqual(persons);
    expect(detail.beoordeling).toEqual(beoordeling);
    expect(detail.lifecycle.overdracht).toEqual(overdracht);
    expect(detail.lifecycle.monitoring).toEqual(monitoring);
    expect(detail.lifecycle.onderzoek).toEqual(onderzoek);
    expect(detail.lifecycle.terugkoppelingen).toEqual(feedback);
    expect(detail.lifecycle.overdrachtGemeenten).toEqual([overdracht!.gemeenteCode]);
    expect(detail.lifecycle.thv).toEqual(thv);
    expect(detail.lifecycle.codeRood).toEqual(rood);
    expect(detail.lifecycle.codeRood!.toelichting).toBe('Escalatie regionaal, geheim.');
    expect(await findMeldingDetail(db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
