// Retention and destruction (issue #4; domain.md, Records): adviezen lose their identifying data after 2 years,
// closed meldingen 20 years after closing, while the statistics stay; a destruction request is decided by the
// privacy officer and carried out at once. Times come from a controllable clock (no waiting).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention, schema } from '@vt/db';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let adviseur: Session;
let beoordelaar: Session;
let privacy: Session;

beforeAll(async () => {
  t = await createTestApp();
  adviseur = await login(t.app, 'adviseur@demo.test');
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  privacy = await login(t.app, 'privacy@demo.test');
});
afterAll(() => t.close());

const db = () => t.db.handle.db;
const years = (n: number) => new Date(Date.now() + n * 365.25 * 86_400_000);

async function closedMelding(naam: string) {
  const { id } = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ toelichting: `${naam} vertelt`, melder: { type: 'professional', sector: 'politie', naam, organisatie: 'Politie Twente', anoniemNaarHuishouden: false } }) })).json() as { id: string };
  const res = await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/beoordeling`, headers: beoordelaar.headers, payload: { route: 'afsluiten', band: 'P4', reason: `${naam}: geen vervolg nodig` } });
  expect(res.statusCode).toBe(200);
  const [m] = await db().execute<{ status: string }>(sql`select status::text from meldingen where id = ${id}`);
  if (m!.status !== 'afgesloten') {
    expect((await t.app.inject({ method: 'POST', url: `/api/meldingen/${id}/afsluiten`, headers: beoordelaar.headers, payload: { reden: `${naam}: afgerond` } })).statusCode).toBe(200);
  }
  return id;
}

describe('retention', () => {
  it('anonymises an advies after 2 years and a closed melding 20 years after closing, keeping the statistics', async () => {
    const advies = (await t.app.inject({ method: 'POST', url: '/api/adviezen', headers: adviseur.headers, payload: adviesBody({ samenvatting: 'Buurvrouw Jansen hoort geschreeuw' }) })).json() as { id: string };
    const closed = await closedMelding('Agent Retentie');
    const open = (await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody() })).json() as { id: string };

    // Not yet: a day short of each term.
    expect(await runRetention(db(), new Date(years(2).getTime() - 86_400_000))).toEqual({ adviezen: 0, meldingen: 0 });
    // After 2 years: the advies only.
    expect(await runRetention(db(), years(2.01))).toEqual({ adviezen: 1, meldingen: 0 });
    const a = (await t.app.inject({ url: `/api/adviezen/${advies.id}`, headers: adviseur.headers })).json() as Record<string, unknown>;
    expect(JSON.stringify(a)).not.toContain('Jansen');
    expect(a).toMatchObject({ kanaal: expect.any(String) });
    // After 20 years: the closed melding, never the open one.
    expect(await runRetention(db(), years(20.01))).toEqual({ adviezen: 0, meldingen: 1 });
    const [m] = await db().execute<Record<string, unknown>>(sql`
      select melder_naam, melder_organisatie, straat, toelichting::text, anonymised_at is not null as anonymised,
             gemeente_code, melder_sector::text, geweldsvormen::text, band::text
        from meldingen where id = ${closed}`);
    expect(m).toMatchObject({ melder_naam: '[geanonimiseerd]', melder_organisatie: null, straat: '', toelichting: '', anonymised: true, gemeente_code: 'GM0153', melder_sector: 'politie' });
    const text = JSON.stringify(await db().execute(sql`
      select (select json_agg(b) from betrokkenen b where melding_id = ${closed}) as b,
             (select json_agg(e.data) from melding_events e where melding_id = ${closed}) as e,
             (select json_agg(o.reason) from beoordelingen o where melding_id = ${closed}) as o`));
    expect(text).not.toContain('Retentie');
    const [still] = await db().execute<{ anonymised: boolean }>(sql`select anonymised_at is not null as anonymised from meldingen where id = ${open.id}`);
    expect(still!.anonymised).toBe(false);
    // A second pass changes nothing.
    expect(await runRetention(db(), years(20.01))).toEqual({ adviezen: 0, meldingen: 0 });
  });
});

describe('destruction requests', () => {
  it('are requested by staff, decided by the privacy officer with a reason, carried out at once, all audited', async () => {
    const id = await closedMelding('Agent Vernietig');
    const req = await t.app.inject({ method: 'POST', url: '/api/vernietigingsverzoeken', headers: beoordelaar.headers, payload: { meldingId: id, reden: 'Betrokkene vraagt vernietiging (art. 17 AVG).' } });
    expect(req.statusCode).toBe(201);
    const { id: verzoekId } = req.json() as { id: string };
    // One open request per case; the privacy officer decides, nobody else.
    expect((await t.app.inject({ method: 'POST', url: '/api/vernietigingsverzoeken', headers: beoordelaar.headers, payload: { meldingId: id, reden: 'Nog een keer gevraagd.' } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: `/api/vernietigingsverzoeken/${verzoekId}/besluit`, headers: beoordelaar.headers, payload: { besluit: 'toegewezen', reden: 'Mag ik dat?' } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/vernietigingsverzoeken', headers: beoordelaar.headers })).statusCode).toBe(403);

    const list = (await t.app.inject({ url: '/api/vernietigingsverzoeken', headers: privacy.headers })).json() as { items: { id: string; status: string; reden: string }[] };
    expect(list.items.find((i) => i.id === verzoekId)).toMatchObject({ status: 'aangevraagd', reden: 'Betrokkene vraagt vernietiging (art. 17 AVG).' });

    expect((await t.app.inject({ method: 'POST', url: `/api/vernietigingsverzoeken/${verzoekId}/besluit`, headers: privacy.headers, payload: { besluit: 'toegewezen', reden: 'kort' } })).statusCode).toBe(400);
    const decided = await t.app.inject({ method: 'POST', url: `/api/vernietigingsverzoeken/${verzoekId}/besluit`, headers: privacy.headers, payload: { besluit: 'toegewezen', reden: 'Geen zwaarwegend belang bij bewaren (Rb Noord-Holland 2021).' } });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'toegewezen', executedAt: expect.any(String) });
    // Carried out: the case holds no personal data any more.
    const [m] = await db().execute<{ melder_naam: string; anonymised: boolean }>(sql`select melder_naam, anonymised_at is not null as anonymised from meldingen where id = ${id}`);
    expect(m).toEqual({ melder_naam: '[geanonimiseerd]', anonymised: true });
    // Decided once.
    expect((await t.app.inject({ method: 'POST', url: `/api/vernietigingsverzoeken/${verzoekId}/besluit`, headers: privacy.headers, payload: { besluit: 'afgewezen', reden: 'Toch niet, bedacht.' } })).statusCode).toBe(409);
    // Every step in the audit trail.
    const audit = await db().execute<{ action: string; subject_type: string }>(sql`select action::text, subject_type from audit_log where subject_id = ${id} and subject_type in ('vernietigingsverzoek', 'melding') and action in ('create', 'decide', 'update') order by id`);
    expect(audit.map((r) => `${r.action}:${r.subject_type}`)).toEqual(expect.arrayContaining(['create:vernietigingsverzoek', 'decide:vernietigingsverzoek', 'update:melding']));
  });

  it('can be refused, which leaves the case as it was', async () => {
    const id = await closedMelding('Agent Blijft');
    const { id: verzoekId } = (await t.app.inject({ method: 'POST', url: '/api/vernietigingsverzoeken', headers: beoordelaar.headers, payload: { meldingId: id, reden: 'Betrokkene vraagt vernietiging.' } })).json() as { id: string };
    const res = await t.app.inject({ method: 'POST', url: `/api/vernietigingsverzoeken/${verzoekId}/besluit`, headers: privacy.headers, payload: { besluit: 'afgewezen', reden: 'Zwaarwegend belang: lopende zorgen om de kinderen.' } });
    expect(res.json()).toMatchObject({ status: 'afgewezen', executedAt: null });
    const [m] = await db().select({ naam: schema.meldingen.melderNaam }).from(schema.meldingen).where(eq(schema.meldingen.id, id));
    expect(m!.naam).toBe('Agent Blijft');
  });
});
