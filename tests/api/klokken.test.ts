// Each status runs on the clock of its step (issue #16, db/src/domain/deadlines.ts `klokken`): after the beoordeling
// a case no longer shows the beoordeling's term; the MDO, the handover and a crisis case each have their own, shown
// the same on the werkvoorraad and the case page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKalender } from '@vt/db';
import { ACUUT_RESPONSE_MS, amsterdamDate, amsterdamEndOfDay, type WerkdagKalender } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let chef: Session;
let kalender: WerkdagKalender;

beforeAll(async () => {
  t = await createTestApp();
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  chef = await login(t.app, 'chef@demo.test');
  kalender = await loadKalender(t.db.handle.db);
});
afterAll(() => t.close());

const workingDaysFromToday = (n: number) => amsterdamEndOfDay(kalender.addWerkdagen(amsterdamDate(new Date()), n)).toISOString();

async function decided(route: string, band = 'P3') {
  const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };
  const before = (await t.app.inject({ url: `/api/meldingen/${id}`, headers: chef.headers })).json() as { deadlines: { stap: { klok: string; dueAt: string } | null; beoordelingDueAt: string } };
  expect(before.deadlines.stap).toEqual({ klok: 'beoordeling', dueAt: before.deadlines.beoordelingDueAt });
  const at = Date.now();
  const res = await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/beoordeling`, headers: beoordelaar.headers, payload: { route, band, reason: 'Gewogen met het team.' } });
  expect(res.statusCode).toBe(200);
  const view = (await t.app.inject({ url: `/api/meldingen/${id}`, headers: chef.headers })).json() as { status: string; team: { kind: string }; deadlines: { stap: { klok: string; dueAt: string } | null } };
  return { id, at, view };
}

async function queueItem(team: string, id: string) {
  const q = (await t.app.inject({ url: `/api/werkvoorraad?team=${team}`, headers: chef.headers })).json() as { items: { id: string; klok: string | null; dueAt: string }[] };
  return q.items.find((i) => i.id === id);
}

describe('the clock of each step', () => {
  it('routed to the MDO: due within 5 working days of the beoordeling, no longer on the beoordeling term', async () => {
    const { id, view } = await decided('mdo');
    const due = workingDaysFromToday(5);
    expect(view.deadlines.stap).toEqual({ klok: 'mdo', dueAt: due });
    expect(await queueItem('mdo', id)).toMatchObject({ klok: 'mdo', dueAt: due });
  });

  it('handed over to the wijkteam: the acceptance is due within 5 working days of sending', async () => {
    const { id, view } = await decided('wijkteam');
    expect(view.status).toBe('overdracht');
    expect(view.deadlines.stap).toEqual({ klok: 'overdracht_acceptatie', dueAt: workingDaysFromToday(5) });
    const gemeente = (await t.app.inject({ url: `/api/meldingen/${id}`, headers: chef.headers })).json() as { team: { id: string } };
    const q = (await t.app.inject({ url: `/api/werkvoorraad?team=${gemeente.team.id}`, headers: chef.headers })).json() as { items: { id: string; klok: string }[] };
    expect(q.items.find((i) => i.id === id)?.klok).toBe('overdracht_acceptatie');
  });

  it('sent to the crisis team although the triage found it not acute: the 24 hours count from the beoordeling', async () => {
    const { id, at, view } = await decided('crisisteam', 'P1');
    expect(view.deadlines.stap?.klok).toBe('acute_reactie');
    const due = new Date(view.deadlines.stap!.dueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(at + ACUUT_RESPONSE_MS - 1000);
    expect(due).toBeLessThan(Date.now() + ACUUT_RESPONSE_MS + 1000);
    expect((await queueItem('crisisteam', id))?.klok).toBe('acute_reactie');
  });

  it('closed: no clock at all', async () => {
    const { view } = await decided('afsluiten');
    expect(view.deadlines.stap).toBeNull();
  });
});
