// The crisis team's day (issue #16): the acute response recorded with when, what and by whom, counted on the
// dashboard when it came after the 24 hours; a crisis case handed on to the MDO or the wachtlijst onderzoek; and
// the chef's dagstart across teams with assignments only to the staff whose work the step is, undone in one step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTriage } from '@vt/db';
import { WerkdagKalender, policyV1 } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let chef: Session;
let crisis: Session;
let beoordelaar: Session;
let medewerker: Session;
let manager: Session;

beforeAll(async () => {
  t = await createTestApp();
  [chef, crisis, beoordelaar, medewerker, manager] = (await Promise.all(
    ['chef@demo.test', 'crisis@demo.test', 'beoordelaar@demo.test', 'medewerker@demo.test', 'manager@demo.test'].map((e) => login(t.app, e)),
  )) as [Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

interface View {
  status: string;
  reference: string;
  team: { kind: string } | null;
  deadlines: { responseDueAt?: string | null };
  acuteInzet: { gegevenOp: string; acties: string[]; uitvoerders: { id: string; naam: string }[]; toelichting: string | null; opTijd: boolean | null }[];
  assignedTo: string[];
}

/** An acute melding (violence ongoing), received `hoursAgo` hours ago and triaged as the workers would. */
async function acuteMelding(hoursAgo = 0) {
  const receivedAt = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ receivedAt, veiligheid: { lopendGeweld: true } }) });
  expect(res.statusCode).toBe(201);
  const { id } = res.json() as { id: string };
  await t.db.handle.db.transaction((tx) => runTriage(tx, id, 1, { policy: policyV1, kalender: new WerkdagKalender() }));
  return id;
}
const view = async (id: string, as = chef) => (await t.app.inject({ url: `/api/meldingen/${id}`, headers: as.headers })).json() as View;
const inzet = (id: string, body: object, as = crisis) => t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/acute-inzet`, headers: as.headers, payload: body });
const lateCount = async () => {
  const r = await t.app.inject({ url: '/api/dashboard/wachtlijst', headers: manager.headers });
  expect(r.statusCode).toBe(200);
  return (r.json() as { metrics: { code: string; count?: number }[] }).metrics.find((m) => m.code === 'acute_inzet_te_laat')!.count!;
};

describe('the acute response', () => {
  it('is recorded with when, what and by whom, on time within the 24 hours, and is in the history', async () => {
    const id = await acuteMelding(1);
    const before = await view(id, crisis);
    expect(before.team?.kind).toBe('crisisteam');
    expect(before.deadlines.responseDueAt).toBeTruthy();
    const gegevenOp = new Date(Date.now() - 60_000).toISOString();
    const res = await inzet(id, { gegevenOp, acties: ['huisbezoek', 'veiligheidsplan'], uitvoerders: [crisis.userId, chef.userId], toelichting: 'Moeder en kinderen bij oma; vader weg.' });
    expect(res.statusCode).toBe(201);
    const v = res.json() as View;
    expect(v.acuteInzet).toHaveLength(1);
    expect(v.acuteInzet[0]).toMatchObject({ gegevenOp, acties: ['huisbezoek', 'veiligheidsplan'], toelichting: 'Moeder en kinderen bij oma; vader weg.', opTijd: true });
    expect(v.acuteInzet[0]!.uitvoerders.map((u) => u.id).sort()).toEqual([crisis.userId, chef.userId].sort());
    expect(v.acuteInzet[0]!.uitvoerders.every((u) => u.naam.length > 0)).toBe(true);
    const historie = (await t.app.inject({ url: `/api/meldingen/${id}/historie`, headers: crisis.headers })).json() as { events: { type: string; data: Record<string, unknown> }[] };
    const e = historie.events.find((x) => x.type === 'acute_inzet');
    expect(e?.data).toMatchObject({ acties: ['huisbezoek', 'veiligheidsplan'] });
    // The note is on the record, not in the history.
    expect(JSON.stringify(e?.data)).not.toContain('oma');
  });

  it('refuses a moment in the future or before the melding, nobody, an unknown person, and a role that does not do it', async () => {
    const id = await acuteMelding();
    const ok = { gegevenOp: new Date().toISOString(), acties: ['politie'], uitvoerders: [crisis.userId] };
    const future = await inzet(id, { ...ok, gegevenOp: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ details: [{ path: '/gegevenOp' }] });
    expect((await inzet(id, { ...ok, gegevenOp: new Date(Date.now() - 30 * 86_400_000).toISOString() })).statusCode).toBe(400);
    expect((await inzet(id, { ...ok, uitvoerders: [] })).statusCode).toBe(400);
    expect((await inzet(id, { ...ok, acties: [] })).statusCode).toBe(400);
    expect((await inzet(id, { ...ok, uitvoerders: ['00000000-0000-4000-8000-000000000000'] })).statusCode).toBe(400);
    expect((await inzet(id, ok, medewerker)).statusCode).toBe(403);
    expect((await inzet(id, ok)).statusCode).toBe(201);
  });

  it('counts on the dashboard when given after the 24 hours, or not given at all once they passed', async () => {
    const start = await lateCount();
    const waiting = await acuteMelding(30); // received 30 hours ago: the term passed, nothing given
    const lateGiven = await acuteMelding(30);
    const onTime = await acuteMelding(30);
    expect((await inzet(onTime, { gegevenOp: new Date(Date.now() - 28 * 3_600_000).toISOString(), acties: ['telefonisch_contact'], uitvoerders: [crisis.userId] })).statusCode).toBe(201);
    expect(await lateCount()).toBe(start + 2);
    const late = await inzet(lateGiven, { gegevenOp: new Date().toISOString(), acties: ['huisbezoek'], uitvoerders: [crisis.userId] });
    expect((late.json() as View).acuteInzet[0]!.opTijd).toBe(false);
    // Given late is still late: the count keeps it; a case not yet in its term is not counted.
    expect(await lateCount()).toBe(start + 2);
    await acuteMelding(1);
    expect(await lateCount()).toBe(start + 2);
    expect((await view(waiting)).acuteInzet).toEqual([]);
  });
});

describe('handing a crisis case on', () => {
  async function confirmedCrisis() {
    const id = await acuteMelding();
    expect((await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'crisisteam', band: 'P1' } })).statusCode).toBe(200);
    return id;
  }

  it('goes to the MDO queue or the wachtlijst onderzoek, with the reason in the history', async () => {
    const toMdo = await confirmedCrisis();
    const res = await t.app.inject({ method: 'POST', url: `/api/meldingen/${toMdo}/doorzetten`, headers: crisis.headers, payload: { naar: 'mdo', toelichting: 'Acuut gevaar geweken; zorgen over de kinderen blijven.' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'mdo', team: { kind: 'mdo' } });
    const toOnderzoek = await confirmedCrisis();
    const r2 = await t.app.inject({ method: 'POST', url: `/api/meldingen/${toOnderzoek}/doorzetten`, headers: crisis.headers, payload: { naar: 'onderzoek', toelichting: 'Onderzoek nodig naar de veiligheid.' } });
    expect(r2.json()).toMatchObject({ status: 'onderzoek', team: { kind: 'onderzoek' }, onderzoek: { startedAt: null } });
    const events = ((await t.app.inject({ url: `/api/meldingen/${toOnderzoek}/historie`, headers: chef.headers })).json() as { events: { type: string; data: { naar?: string } }[] }).events;
    expect(events.find((e) => e.type === 'doorgezet')?.data.naar).toBe('onderzoek');
  });

  it('is refused (409) before the beoordeling confirmed the crisis route, and once it left the crisis team', async () => {
    const unconfirmed = await acuteMelding();
    expect((await t.app.inject({ method: 'POST', url: `/api/meldingen/${unconfirmed}/doorzetten`, headers: crisis.headers, payload: { naar: 'mdo', toelichting: 'Te vroeg.' } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: `/api/meldingen/${unconfirmed}/doorzetten`, headers: medewerker.headers, payload: { naar: 'mdo', toelichting: 'Niet mijn werk.' } })).statusCode).toBe(403);
  });
});

describe("the chef's dagstart", () => {
  it('lists every team at once by default, acute first, each item with its team', async () => {
    const acute = await acuteMelding();
    await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() });
    const res = await t.app.inject({ url: '/api/werkvoorraad', headers: chef.headers });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { id: string; band: string | null; team: string | null }[] }).items;
    expect(new Set(items.map((i) => i.team))).toEqual(new Set(['crisisteam', 'beoordeling', ...items.map((i) => i.team).filter((k) => k !== 'crisisteam' && k !== 'beoordeling')]));
    expect(items.some((i) => i.id === acute && i.team === 'crisisteam')).toBe(true);
    const firstNonP1 = items.findIndex((i) => i.band !== 'P1');
    expect(items.slice(firstNonP1).some((i) => i.band === 'P1')).toBe(false);
    expect(items.every((i) => i.team !== 'wijkteam' && i.team !== 'advieslijn')).toBe(true);
    const alle = (await t.app.inject({ url: '/api/werkvoorraad?team=alle', headers: chef.headers })).json() as { items: unknown[] };
    expect(alle.items).toHaveLength(items.length);
    // Another role keeps its own team's queue without a choice.
    const own = (await t.app.inject({ url: '/api/werkvoorraad', headers: beoordelaar.headers })).json() as { items: { team: string | null }[] };
    expect(own.items.every((i) => i.team === 'beoordeling')).toBe(true);
  });

  it('assigns only staff whose work the step is, says why not, and undoes to the assignment before', async () => {
    const id = await acuteMelding();
    const assign = (userIds: string[]) => t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/toewijzing`, headers: chef.headers, payload: { userIds } });
    // An acute case waiting for its confirmation: the crisis team may take it, a case worker of the onderzoek may not.
    const refused = await assign([medewerker.userId]);
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { message: string }).message).toMatch(/kan deze zaak in deze stap niet aannemen/);
    expect((await view(id)).assignedTo).toEqual([]);
    expect((await assign([crisis.userId, chef.userId])).statusCode).toBe(200);
    expect((await view(id)).assignedTo.sort()).toEqual([crisis.userId, chef.userId].sort());
    // Undo: back to nobody.
    expect((await assign([])).statusCode).toBe(200);
    expect((await view(id)).assignedTo).toEqual([]);
    const events = ((await t.app.inject({ url: `/api/meldingen/${id}/historie`, headers: chef.headers })).json() as { events: { type: string; data: { userIds: string[]; vorige: string[] } }[] }).events.filter(
      (e) => e.type === 'toegewezen',
    );
    expect(events.map((e) => e.data.userIds.length)).toEqual([2, 0]);
    expect(events[1]!.data.vorige).toHaveLength(2);
  });

  it('marks a case whose handover the wijkteam sent back', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() });
    const { id } = res.json() as { id: string };
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'wijkteam', band: 'P4', reason: 'Lichte zorgen.', overdracht: { toelichting: 'Gezin vraagt hulp bij opvoeding.' } } }))
        .statusCode,
    ).toBe(200);
    const wijkteam = await login(t.app, 'wijkteam.enschede@demo.test');
    const inbox = (await t.app.inject({ url: '/api/overdrachten', headers: wijkteam.headers })).json() as { items: { id: string; meldingId: string; toelichting: string }[] };
    const o = inbox.items.find((x) => x.meldingId === id)!;
    expect(o.toelichting).toBe('Gezin vraagt hulp bij opvoeding.');
    expect((await t.app.inject({ method: 'POST', url: `/api/overdrachten/${o.id}/terugsturen`, headers: wijkteam.headers, payload: { reden: 'Verhuisd naar Hengelo.' } })).statusCode).toBe(200);
    const q = (await t.app.inject({ url: '/api/werkvoorraad?team=beoordeling', headers: chef.headers })).json() as { items: { id: string; teruggestuurd?: boolean }[] };
    expect(q.items.find((i) => i.id === id)?.teruggestuurd).toBe(true);
    expect(q.items.filter((i) => i.id !== id).every((i) => i.teruggestuurd === false)).toBe(true);
  });
});
