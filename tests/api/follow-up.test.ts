// After the decision (issue #6): monitoring checkpoints recorded as safe or not (not safe escalates back to
// Veilig Thuis), Code Rood with its outcome, and the reminders, tested with a controllable clock.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedKalender, herinneringen } from '@vt/db';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let medewerker: Session;
let chef: Session;
let enschede: Session;

beforeAll(async () => {
  t = await createTestApp();
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  medewerker = await login(t.app, 'medewerker@demo.test');
  chef = await login(t.app, 'chef@demo.test');
  enschede = await login(t.app, 'wijkteam.enschede@demo.test');
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST', url: string, s: Session, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

async function handedOver() {
  const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };
  await req('POST', `/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'wijkteam', band: 'P3', reason: 'Gezin werkt mee.' });
  const m = (await req('GET', `/api/meldingen/${id}`, chef)).json() as { overdracht: { id: string } };
  return { id, overdrachtId: m.overdracht.id };
}

const caseOf = async (id: string) => (await req('GET', `/api/meldingen/${id}`, chef)).json() as {
  status: string;
  team: { kind: string };
  monitoring: { id: string; dueDate: string; status: string }[];
  codeRood: { id: string; datum: string; toelichting: string; uitkomst: string | null } | null;
};

describe('monitoring', () => {
  it('records checkpoints; not safe sends the case back to the beoordeling queue', async () => {
    const { id, overdrachtId } = await handedOver();
    expect((await req('POST', `/api/overdrachten/${overdrachtId}/accepteren`, enschede, {})).statusCode).toBe(200);
    const [first, second] = (await caseOf(id)).monitoring;
    expect((await req('POST', `/api/monitoring/${first!.id}`, beoordelaar, { uitkomst: 'veilig', toelichting: 'Rust in huis.' })).statusCode).toBe(403);
    const ok = await req('POST', `/api/monitoring/${first!.id}`, medewerker, { uitkomst: 'veilig', toelichting: 'Rust in huis, school tevreden.' });
    expect(ok.json()).toMatchObject({ uitkomst: 'veilig', escalated: false });
    expect((await req('POST', `/api/monitoring/${first!.id}`, medewerker, { uitkomst: 'veilig', toelichting: 'Nog eens.' })).statusCode).toBe(409);
    expect((await caseOf(id)).status).toBe('monitoring');
    const bad = await req('POST', `/api/monitoring/${second!.id}`, medewerker, { uitkomst: 'niet_veilig', toelichting: 'Nieuw incident, politie ter plaatse geweest.' });
    expect(bad.json()).toMatchObject({ escalated: true });
    const m = await caseOf(id);
    expect(m).toMatchObject({ status: 'triage_voorgesteld', team: { kind: 'beoordeling' } });
    expect(m.monitoring.map((c) => c.status)).toEqual(['veilig', 'niet_veilig', 'gepland']);
  });
});

describe('Code Rood', () => {
  it('is flagged with its date and closed with an outcome', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };
    expect((await req('POST', `/api/meldingen/${id}/code-rood`, medewerker, { datum: '2026-11-20', toelichting: 'Dreiging.' })).statusCode).toBe(403);
    const flagged = await req('POST', `/api/meldingen/${id}/code-rood`, beoordelaar, { datum: '2026-11-20', toelichting: 'Intieme terreur, dreiging met wapen.' });
    expect(flagged.statusCode).toBe(201);
    const { id: crId } = flagged.json() as { id: string };
    expect((await caseOf(id)).codeRood).toMatchObject({ datum: '2026-11-20', uitkomst: null });
    expect((await req('POST', `/api/code-rood/${crId}/uitkomst`, chef, { datum: '2026-11-22', uitkomst: 'Zorg- en Veiligheidshuis: plan van aanpak, pleger uit huis.' })).statusCode).toBe(200);
    expect((await caseOf(id)).codeRood).toMatchObject({ uitkomst: expect.stringContaining('plan van aanpak') });
    expect((await req('POST', `/api/code-rood/${crId}/uitkomst`, chef, { datum: '2026-11-23', uitkomst: 'Nog een keer.' })).statusCode).toBe(409);
    const historie = (await req('GET', `/api/meldingen/${id}/historie`, chef)).json() as { events: { type: string }[] };
    expect(historie.events.filter((e) => e.type === 'code_rood')).toHaveLength(2);
  });
});

describe('terugkoppeling to the melder', () => {
  it('becomes a task due 5 working days after the beoordeling, recorded once, and a reminder when late', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };
    await req('POST', `/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'mdo', band: 'P3', reason: 'Naar het MDO.' });
    const k = await cachedKalender(t.db.handle.db)();
    const m = (await req('GET', `/api/meldingen/${id}`, chef)).json() as { terugkoppelingen: { id: string; moment: string; dueDate: string; doneAt: string | null }[] };
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    expect(m.terugkoppelingen).toEqual([expect.objectContaining({ moment: 'na_beoordeling', dueDate: k.addWerkdagen(today, 5), doneAt: null })]);
    const taskId = m.terugkoppelingen[0]!.id;
    // Late: a reminder the day after the due date.
    const dayAfter = new Date(Date.parse(`${k.addWerkdagen(today, 5)}T12:00:00Z`) + 86_400_000);
    expect((await herinneringen(t.db.handle.db, dayAfter, k, { overdrachtWerkdagen: 5 })).filter((h) => h.meldingId === id).map((h) => h.soort)).toEqual(['terugkoppeling_verlopen']);
    expect((await req('POST', `/api/terugkoppelingen/${taskId}/gedaan`, beoordelaar, { bericht: 'Veilig Thuis bespreekt uw melding in een multidisciplinair overleg.', notitie: 'Melder gebeld: MDO volgt.' })).statusCode).toBe(200);
    expect((await req('POST', `/api/terugkoppelingen/${taskId}/gedaan`, beoordelaar, { bericht: 'Nog een keer hetzelfde bericht.' })).statusCode).toBe(409);
    expect((await herinneringen(t.db.handle.db, dayAfter, k, { overdrachtWerkdagen: 5 })).filter((h) => h.meldingId === id)).toEqual([]);
    const after = (await req('GET', `/api/meldingen/${id}`, chef)).json() as { terugkoppelingen: { doneAt: string | null }[] };
    expect(after.terugkoppelingen[0]!.doneAt).not.toBeNull();
  });
});

describe('reminders (controllable clock)', () => {
  it('remind of a handover not accepted within 5 working days, counted without Koningsdag', async () => {
    const { id, overdrachtId } = await handedOver();
    await t.db.handle.db.execute(sql`update overdrachten set created_at = '2026-04-23T08:00:00Z' where id = ${overdrachtId}`);
    const k = await cachedKalender(t.db.handle.db)();
    const at = async (iso: string) => (await herinneringen(t.db.handle.db, new Date(iso), k, { overdrachtWerkdagen: 5 })).filter((h) => h.meldingId === id);
    // Sent Thursday 23 April: Fri 24, (Koningsdag 27), Tue 28, Wed 29, Thu 30 are 4 working days; Fri 1 May is the 5th.
    expect(await at('2026-04-30T12:00:00Z')).toEqual([]);
    expect(await at('2026-05-01T12:00:00Z')).toEqual([expect.objectContaining({ soort: 'overdracht_niet_geaccepteerd', datum: '2026-04-23', dagen: 5 })]);
    // Accepted: no more reminder.
    await req('POST', `/api/overdrachten/${overdrachtId}/accepteren`, enschede, {});
    expect((await at('2026-05-01T12:00:00Z')).filter((h) => h.soort === 'overdracht_niet_geaccepteerd')).toEqual([]);
  });

  it('remind two days before a tijdelijk huisverbod ends, and of a checkpoint that passed unrecorded', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };
    const { id: thvId } = (await req('POST', `/api/meldingen/${id}/thv`, beoordelaar, { opgelegdOp: '2026-06-01' })).json() as { id: string };
    await t.db.handle.db.execute(sql`insert into monitoring_checkpoints (melding_id, due_date) values (${id}, '2026-08-01')`);
    const k = await cachedKalender(t.db.handle.db)();
    const at = async (iso: string) => (await herinneringen(t.db.handle.db, new Date(iso), k, { overdrachtWerkdagen: 5 })).filter((h) => h.meldingId === id).map((h) => `${h.soort}:${h.datum}:${h.dagen}`);
    expect(await at('2026-06-08T10:00:00Z')).toEqual([]);
    expect(await at('2026-06-09T10:00:00Z')).toEqual(['thv_eindigt:2026-06-11:2']);
    // Extended to 20 June: the reminder moves with it.
    await req('POST', `/api/thv/${thvId}/verlengen`, beoordelaar, { totEnMet: '2026-06-20' });
    expect(await at('2026-06-09T10:00:00Z')).toEqual([]);
    expect(await at('2026-06-19T10:00:00Z')).toEqual(['thv_eindigt:2026-06-20:1']);
    expect(await at('2026-07-31T10:00:00Z')).toEqual([]);
    expect(await at('2026-08-03T10:00:00Z')).toEqual(['monitoring_verstreken:2026-08-01:2']);
  });

  it('are listed by the API for the people who act on them', async () => {
    expect((await req('GET', '/api/herinneringen', chef)).statusCode).toBe(200);
    expect((await req('GET', '/api/herinneringen', enschede)).statusCode).toBe(403);
  });
});
