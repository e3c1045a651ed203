// The case after its beoordeling: wijkteam handover (inbox, accept, send back, re-route), monitoring checkpoints,
// the tijdelijk huisverbod's 10/28-day clock, and closing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, amsterdamDate } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let enschede: Session;
let hengelo: Session;

beforeAll(async () => {
  t = await createTestApp();
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  enschede = await login(t.app, 'wijkteam.enschede@demo.test');
  hengelo = await login(t.app, 'wijkteam.hengelo@demo.test');
});
afterAll(() => t.close());

const inject = (method: 'GET' | 'POST', url: string, s: Session, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

async function toWijkteam(gemeente = 'GM0153') {
  const body = meldingBody({ huishouden: { adres: { straat: 'Wijkweg', huisnummer: '5', postcode: '7512 AA', plaats: 'Enschede' }, gemeente } });
  const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: body, headers: partnerHeaders })).json() as { id: string };
  // No triage has run in this file: the beoordelaar decides with a band and a reason.
  const res = await inject('POST', `/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'wijkteam', band: 'P3', reason: 'Structurele zorgen, gezin werkt mee.' });
  expect(res.statusCode).toBe(200);
  return id;
}

describe('overdracht to the wijkteam', () => {
  it('is sent on confirming route wijkteam and shows up in that gemeente’s inbox only, without the melder', async () => {
    const id = await toWijkteam();
    const m = (await inject('GET', `/api/meldingen/${id}`, beoordelaar)).json() as { status: string; overdracht: { status: string; gemeente: string }; team: { kind: string } };
    expect(m).toMatchObject({ status: 'overdracht', overdracht: { status: 'verzonden', gemeente: 'GM0153' }, team: { kind: 'wijkteam' } });

    const inbox = (await inject('GET', '/api/overdrachten', enschede)).json() as { items: { meldingId: string }[] };
    expect(inbox.items.map((i) => i.meldingId)).toContain(id);
    expect(JSON.stringify(inbox)).not.toContain('Agent Testpersoon');
    const other = (await inject('GET', '/api/overdrachten', hengelo)).json() as { items: { meldingId: string; gemeente: string }[] };
    expect(other.items.every((i) => i.gemeente === 'GM0164')).toBe(true);
    expect(other.items.map((i) => i.meldingId)).not.toContain(id);

    const own = await inject('GET', `/api/meldingen/${id}`, enschede);
    expect(own.statusCode).toBe(200);
    expect((own.json() as { melder: unknown }).melder).toBeNull();
    expect((await inject('GET', `/api/meldingen/${id}`, hengelo)).statusCode).toBe(404);
    expect((await inject('GET', `/api/meldingen/${id}/historie`, hengelo)).statusCode).toBe(404);
  });

  it('is accepted by its own wijkteam only, which plans monitoring at +3, +6 and +12 months from today', async () => {
    const id = await toWijkteam();
    const { overdracht } = (await inject('GET', `/api/meldingen/${id}`, beoordelaar)).json() as { overdracht: { id: string } };
    expect((await inject('POST', `/api/overdrachten/${overdracht.id}/accepteren`, hengelo, {})).statusCode).toBe(404);
    expect((await inject('POST', `/api/overdrachten/${overdracht.id}/accepteren`, beoordelaar, {})).statusCode).toBe(403);
    const res = await inject('POST', `/api/overdrachten/${overdracht.id}/accepteren`, enschede, {});
    expect(res.statusCode).toBe(200);
    const today = amsterdamDate(new Date());
    expect(res.json()).toMatchObject({
      status: 'monitoring',
      overdracht: { status: 'geaccepteerd' },
      monitoring: [3, 6, 12].map((n) => ({ dueDate: addMonths(today, n), status: 'gepland' })),
    });
    expect((await inject('POST', `/api/overdrachten/${overdracht.id}/accepteren`, enschede, {})).statusCode).toBe(409);
    const hist = (await inject('GET', `/api/meldingen/${id}/historie`, beoordelaar)).json() as { events: { type: string }[] };
    expect(hist.events.map((e) => e.type)).toEqual(['ontvangen', 'beoordeeld', 'overdracht_verzonden', 'overdracht_geaccepteerd', 'monitoring_gepland']);
    // Still visible to the wijkteam it was handed to, now that Veilig Thuis monitors.
    expect((await inject('GET', `/api/meldingen/${id}`, enschede)).statusCode).toBe(200);
  });

  it('can be sent back with a reason, after which Veilig Thuis routes the case again', async () => {
    const id = await toWijkteam();
    const { overdracht } = (await inject('GET', `/api/meldingen/${id}`, beoordelaar)).json() as { overdracht: { id: string } };
    expect((await inject('POST', `/api/overdrachten/${overdracht.id}/terugsturen`, enschede, {})).statusCode).toBe(400);
    const back = await inject('POST', `/api/overdrachten/${overdracht.id}/terugsturen`, enschede, { reden: 'Gezin woont in Hengelo sinds vorige maand.' });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'triage_voorgesteld', overdracht: { status: 'teruggestuurd' }, team: { kind: 'beoordeling' } });
    const rerouted = await inject('POST', `/api/meldingen/${id}/overdracht`, beoordelaar, { gemeente: 'GM0164', toelichting: 'Verhuisd naar Hengelo.' });
    expect(rerouted.statusCode).toBe(201);
    expect((await inject('POST', `/api/meldingen/${id}/overdracht`, beoordelaar, { gemeente: 'GM0164', toelichting: 'Nog een keer.' })).statusCode).toBe(409);
    expect((await inject('GET', `/api/meldingen/${id}`, hengelo)).statusCode).toBe(200);
  });
});

describe('tijdelijk huisverbod', () => {
  it('ends 10 days after it was imposed and may be extended to 28 days in total, not beyond', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string };
    const thv = await inject('POST', `/api/meldingen/${id}/thv`, beoordelaar, { opgelegdOp: '2026-06-01' });
    expect(thv.statusCode).toBe(201);
    const { id: thvId, eindigtOp } = thv.json() as { id: string; eindigtOp: string };
    expect(eindigtOp).toBe('2026-06-11');
    const tooLong = await inject('POST', `/api/thv/${thvId}/verlengen`, beoordelaar, { totEnMet: '2026-06-30' });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toMatchObject({ code: 'UNPROCESSABLE' });
    const ok = await inject('POST', `/api/thv/${thvId}/verlengen`, beoordelaar, { totEnMet: '2026-06-29' });
    expect(ok.json()).toMatchObject({ opgelegdOp: '2026-06-01', eindigtOp: '2026-06-11', verlengdTotEnMet: '2026-06-29' });
    expect((await inject('GET', `/api/meldingen/${id}`, beoordelaar)).json()).toMatchObject({ thv: { id: thvId, verlengdTotEnMet: '2026-06-29' } });
  });
});

describe('closing', () => {
  it('closes with a reason once', async () => {
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string };
    expect((await inject('POST', `/api/meldingen/${id}/afsluiten`, beoordelaar, { reden: 'x' })).statusCode).toBe(400);
    const res = await inject('POST', `/api/meldingen/${id}/afsluiten`, beoordelaar, { reden: 'Geen zorgen meer; omgezet in advies.' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { status: string }).status).toBe('afgesloten');
    expect((await inject('POST', `/api/meldingen/${id}/afsluiten`, beoordelaar, { reden: 'Nogmaals afsluiten' })).statusCode).toBe(409);
  });

  it('walks crisis → closed: the crisis team closes the crisis case it handled, not another queue\'s case', async () => {
    const crisis = await login(t.app, 'crisis@demo.test');
    const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody({ veiligheid: { lopendGeweld: true } }), headers: partnerHeaders })).json() as { id: string };
    const other = (await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string };
    const decided = await inject('POST', `/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'crisisteam', band: 'P1', reason: 'Lopend geweld: crisisteam gaat nu.' });
    expect(decided.json()).toMatchObject({ status: 'crisis', team: { kind: 'crisisteam' } });
    // A case waiting at the beoordeling team is not the crisis team's to close.
    expect((await inject('POST', `/api/meldingen/${other.id}/afsluiten`, crisis, { reden: 'Niet van ons.' })).statusCode).toBe(403);
    const closed = await inject('POST', `/api/meldingen/${id}/afsluiten`, crisis, { reden: 'Crisisinterventie gedaan; gezin veilig in de opvang.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'afgesloten' });
    const historie = (await inject('GET', `/api/meldingen/${id}/historie`, beoordelaar)).json() as { events: { type: string; actorId: string | null }[] };
    expect(historie.events.map((e) => e.type)).toEqual(['ontvangen', 'beoordeeld', 'afgesloten']);
    expect(historie.events.at(-1)!.actorId).toBe(crisis.userId);
  });
});
