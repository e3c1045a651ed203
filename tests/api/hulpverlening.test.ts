// Triage policy v2 in the running system (issue #17): active from the migration that brought it, the route
// hulpverlening from intake to monitoring (the handover names organisation and contact person, a case worker records
// the warm handover's acceptance on their behalf, the wijkteam never sees it), an aanvulling that adds a specialist
// form of violence, and a later activation that takes effect from its own moment only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activatePolicy, activePolicyAt, runTriage } from '@vt/db';
import { WerkdagKalender } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let medewerker: Session;
let manager: Session;
let enschede: Session;

beforeAll(async () => {
  t = await createTestApp();
  [beoordelaar, medewerker, manager, enschede] = (await Promise.all(
    ['beoordelaar@demo.test', 'medewerker@demo.test', 'manager@demo.test', 'wijkteam.enschede@demo.test'].map((e) => login(t.app, e)),
  )) as [Session, Session, Session, Session];
});
afterAll(() => t.close());

interface View {
  status: string;
  reference: string;
  team: { kind: string } | null;
  triage: { route: string; routeRule: string; rulesVersion: string; uitleg: string; aandachtspunten: { code: string; tekst: string }[]; factors: { code: string; tekst: string }[] } | null;
  overdracht: { id: string; status: string; gemeente: string; toelichting?: string; hulpverlening: { organisatie: string; contactpersoon: string; telefoon?: string } | null; namens: string | null } | null;
  monitoring: { dueDate: string }[];
}

const kalender = new WerkdagKalender();
const involved = { professionalBetrokken: true, huishoudenWerktMee: true, schulden: true, verslaving: true };
const hulp = { organisatie: 'Tactus Verslavingszorg', contactpersoon: 'J. de Vries', telefoon: '053 123 4567' };

let households = 0;
/** A melding about a household of its own (no radar history), triaged as the workers would with the version active now. */
async function triagedMelding(over: Record<string, unknown> = {}) {
  const n = ++households;
  const own = {
    huishouden: { adres: { straat: 'Hulpstraat', huisnummer: String(n), postcode: '7512 HV', plaats: 'Enschede' }, gemeente: 'GM0153' },
    betrokkenen: [{ rol: 'slachtoffer', voornaam: `Hulp${n}`, achternaam: 'Verlening', geboortedatum: '1985-03-0' + ((n % 9) + 1) }],
  };
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ ...own, ...over }) });
  expect(res.statusCode).toBe(201);
  const { id } = res.json() as { id: string };
  await t.db.handle.db.transaction((tx) => runTriage(tx, id, 1, { kalender }));
  return id;
}
const view = async (id: string, as = beoordelaar) => (await t.app.inject({ url: `/api/meldingen/${id}`, headers: as.headers })).json() as View;
const post = (url: string, as: Session, payload: object) => t.app.inject({ method: 'POST', url, headers: as.headers, payload });
const pending = async () => {
  const r = await t.app.inject({ url: '/api/dashboard/wachtlijst', headers: manager.headers });
  return (r.json() as { metrics: { code: string; count?: number }[] }).metrics.find((m) => m.code === 'overdracht_pending')!.count!;
};

describe('policy v2 is the active version', () => {
  it('makes new proposals from the migration on, with true texts', async () => {
    const id = await triagedMelding({ veiligheid: involved });
    const v = await view(id);
    expect(v.triage).toMatchObject({
      rulesVersion: 'v2',
      route: 'hulpverlening',
      routeRule: 'hulpverlening',
      aandachtspunten: [],
      uitleg: 'Er is al een professional betrokken en het huishouden werkt mee, bij structurele zorgen (verslaving) en meervoudige problemen (schulden): overdracht aan de betrokken hulpverlening.',
    });
  });

  it('applies the specialist rule when an aanvulling adds a form of violence, and explains it', async () => {
    const id = await triagedMelding({ veiligheid: { schulden: true } });
    expect((await view(id)).triage?.route).toBe('wijkteam');
    expect((await post(`/api/meldingen/${id}/aanvulling`, beoordelaar, { geweldsvormen: ['huwelijksdwang'] })).statusCode).toBe(200);
    await t.db.handle.db.transaction((tx) => runTriage(tx, id, 2, { kalender }));
    const v = await view(id);
    expect(v.triage).toMatchObject({ route: 'mdo', routeRule: 'mdo_specialistisch', aandachtspunten: [{ code: 'eergerelateerd' }] });
    expect(v.triage!.aandachtspunten[0]!.tekst).toContain('LEC EGG');
    expect(v.triage!.factors).toContainEqual({ code: 'eergerelateerd', weight: 15, tekst: 'Eergerelateerd geweld: huwelijksdwang' });
    expect((await post(`/api/meldingen/${id}/aanvulling`, beoordelaar, { geweldsvormen: ['geen_vorm'] })).statusCode).toBe(400);
  });

  it('switches only from the moment an activation takes effect', async () => {
    const later = new Date(Date.now() + 30 * 86_400_000);
    expect((await activePolicyAt(t.db.handle.db, new Date())).rulesVersion).toBe('v2');
    await activatePolicy(t.db.handle.db, { versie: 'v1', ingang: later, reden: 'Test: terug naar v1 over 30 dagen.', door: beoordelaar.userId });
    expect((await activePolicyAt(t.db.handle.db, new Date())).rulesVersion).toBe('v2');
    expect((await activePolicyAt(t.db.handle.db, new Date(later.getTime() + 1))).rulesVersion).toBe('v1');
    expect((await activePolicyAt(t.db.handle.db, new Date('2010-01-01T00:00:00Z'))).rulesVersion).toBe('v1');
  });
});

describe('the hulpverlening route, from intake to monitoring', () => {
  it('hands over to the professional named in the beoordeling; a case worker accepts on their behalf; monitoring follows', async () => {
    const id = await triagedMelding({ veiligheid: involved });
    const before = await pending();
    const res = await post(`/api/meldingen/${id}/beoordeling`, beoordelaar, {
      route: 'hulpverlening',
      hulpverlening: hulp,
      overdracht: { toelichting: 'Gezin werkt mee; Tactus ziet vader wekelijks.', veiligheidsvoorwaarden: 'Geen alcohol in huis.' },
    });
    expect(res.statusCode).toBe(200);
    const v = res.json() as View;
    expect(v).toMatchObject({ status: 'overdracht', team: { kind: 'beoordeling' }, overdracht: { status: 'verzonden', gemeente: 'GM0153', hulpverlening: hulp, namens: null } });
    expect(await pending()).toBe(before + 1);

    // Its place in the werkvoorraad: with the beoordeling team, whose case worker follows the warm handover.
    const wv = await t.app.inject({ url: '/api/werkvoorraad?team=beoordeling', headers: beoordelaar.headers });
    expect((wv.json() as { items: { id: string; route: string; status: string }[] }).items.find((i) => i.id === id)).toMatchObject({ route: 'hulpverlening', status: 'overdracht' });

    // The wijkteam of the gemeente never sees it: not in its inbox, not as a case, and it cannot answer it.
    const inbox = await t.app.inject({ url: '/api/overdrachten', headers: enschede.headers });
    expect((inbox.json() as { items: { meldingId: string }[] }).items.some((o) => o.meldingId === id)).toBe(false);
    expect([403, 404]).toContain((await t.app.inject({ url: `/api/meldingen/${id}`, headers: enschede.headers })).statusCode);
    expect((await post(`/api/overdrachten/${v.overdracht!.id}/accepteren`, enschede, {})).statusCode).toBe(404);

    // A case worker of the team that holds it records the acceptance on the contact person's behalf, and says so; a
    // medewerker of another team does not reach the case without break-glass (the record rule).
    expect((await post(`/api/overdrachten/${v.overdracht!.id}/accepteren`, medewerker, { namens: 'contactpersoon' })).statusCode).toBe(403);
    expect((await post(`/api/overdrachten/${v.overdracht!.id}/accepteren`, beoordelaar, {})).statusCode).toBe(400);
    const ok = await post(`/api/overdrachten/${v.overdracht!.id}/accepteren`, beoordelaar, { namens: 'contactpersoon' });
    expect(ok.statusCode).toBe(200);
    const after = ok.json() as View;
    expect(after).toMatchObject({ status: 'monitoring', team: { kind: 'monitoring' }, overdracht: { status: 'geaccepteerd', namens: 'contactpersoon' } });
    expect(after.monitoring).toHaveLength(3);
    expect(await pending()).toBe(before);

    // The history says where it went and on whose behalf, never who the contact person is.
    const h = await t.app.inject({ url: `/api/meldingen/${id}/historie`, headers: beoordelaar.headers });
    const events = (h.json() as { events: { type: string; data: Record<string, unknown> }[] }).events;
    expect(events.find((e) => e.type === 'overdracht_verzonden')?.data).toMatchObject({ naar: 'hulpverlening' });
    expect(events.find((e) => e.type === 'overdracht_geaccepteerd')?.data).toMatchObject({ namens: 'contactpersoon' });
    expect(JSON.stringify(events)).not.toContain('de Vries');
  });

  it('waits in the beoordeling queue until the handover is recorded when the beoordeling named no one', async () => {
    const id = await triagedMelding({ veiligheid: involved });
    const res = await post(`/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'hulpverlening' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'overdracht', team: { kind: 'beoordeling' }, overdracht: null });
    const both = await post(`/api/meldingen/${id}/overdracht`, beoordelaar, { gemeente: 'GM0153', hulpverlening: hulp, toelichting: 'Beide.' });
    expect(both.statusCode).toBe(400);
    const created = await post(`/api/meldingen/${id}/overdracht`, beoordelaar, { hulpverlening: hulp, toelichting: 'Warme overdracht aan de verslavingszorg.' });
    expect(created.statusCode).toBe(201);
    expect((await view(id)).overdracht).toMatchObject({ status: 'verzonden', hulpverlening: hulp });
  });

  it('refuses the hulpverlening on another route, and a wijkteam handover is not for Veilig Thuis staff to answer', async () => {
    const id = await triagedMelding({ veiligheid: { schulden: true } });
    const wrong = await post(`/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'wijkteam', hulpverlening: hulp });
    expect(wrong.statusCode).toBe(400);
    const res = await post(`/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'wijkteam' });
    const o = (res.json() as View).overdracht!;
    expect(o.hulpverlening).toBeNull();
    expect((await post(`/api/overdrachten/${o.id}/accepteren`, beoordelaar, { namens: 'contactpersoon' })).statusCode).toBe(403);
  });
});
