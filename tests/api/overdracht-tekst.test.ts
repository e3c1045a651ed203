// The wijkteam reads what was written for it (issue #16): the handover's text, never the melding's own toelichting
// (which may name the melder: "Leerkracht groep 3: …") nor Veilig Thuis's notes; the onderzoek is finished with its
// conclusions in words and, with vervolg overdracht, the handover the worker wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTriage } from '@vt/db';
import { WerkdagKalender, policyV1 } from '@vt/db/domain';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { meldingBody } from '../support/fixtures.ts';

let t: TestContext;
let beoordelaar: Session;
let chef: Session;
let crisis: Session;
let medewerker: Session;
let wijkteam: Session;

const MELDER_TEKST = 'Leerkracht groep 3: Sanne vertelde dat papa mama sloeg.';

beforeAll(async () => {
  t = await createTestApp();
  [beoordelaar, chef, crisis, medewerker, wijkteam] = (await Promise.all(
    ['beoordelaar@demo.test', 'chef@demo.test', 'crisis@demo.test', 'medewerker@demo.test', 'wijkteam.enschede@demo.test'].map((e) => login(t.app, e)),
  )) as [Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

async function melding(overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: partnerHeaders, payload: meldingBody({ toelichting: MELDER_TEKST, ...overrides }) });
  expect(res.statusCode).toBe(201);
  const { id } = res.json() as { id: string };
  await t.db.handle.db.transaction((tx) => runTriage(tx, id, 1, { policy: policyV1, kalender: new WerkdagKalender() }));
  return id;
}
const post = (url: string, as: Session, payload: object) => t.app.inject({ method: 'POST', url, headers: as.headers, payload });
type View = { toelichting: string; beoordeling: { reason: string | null } | null; overdracht: { toelichting?: string; veiligheidsvoorwaarden?: string | null } | null; onderzoek: { conclusie?: string | null } | null };

describe('the handover as the wijkteam reads it', () => {
  it('shows the text written for it in place of the toelichting, and none of the notes', async () => {
    const id = await melding();
    const decided = await post(`/api/meldingen/${id}/beoordeling`, beoordelaar, {
      route: 'wijkteam',
      band: 'P4',
      reason: 'Melder (leerkracht) wil anoniem blijven.',
      overdracht: { toelichting: 'Zorgen over spanningen tussen de ouders; moeder wil hulp.', veiligheidsvoorwaarden: 'Vader woont tijdelijk elders.' },
    });
    expect(decided.statusCode).toBe(200);
    const seen = (await t.app.inject({ url: `/api/meldingen/${id}`, headers: wijkteam.headers })).json() as View;
    expect(seen.toelichting).toBe('Zorgen over spanningen tussen de ouders; moeder wil hulp.');
    expect(seen.overdracht).toMatchObject({ toelichting: 'Zorgen over spanningen tussen de ouders; moeder wil hulp.', veiligheidsvoorwaarden: 'Vader woont tijdelijk elders.' });
    expect(seen.beoordeling?.reason).toBeNull();
    const all = JSON.stringify(seen) + (await t.app.inject({ url: `/api/meldingen/${id}/historie`, headers: wijkteam.headers })).body;
    expect(all).not.toContain('Leerkracht');
    expect(all).not.toContain('leerkracht');
    // Veilig Thuis's own staff still read the case as it was reported.
    expect(((await t.app.inject({ url: `/api/meldingen/${id}`, headers: chef.headers })).json() as View).toelichting).toBe(MELDER_TEKST);
  });

  it('without a written text says only what the codes say, never the melding verbatim', async () => {
    const id = await melding();
    expect((await post(`/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'wijkteam', band: 'P4', reason: 'Lichte zorgen.' })).statusCode).toBe(200);
    const inbox = (await t.app.inject({ url: '/api/overdrachten', headers: wijkteam.headers })).json() as { items: { meldingId: string; toelichting: string }[] };
    const text = inbox.items.find((o) => o.meldingId === id)!.toelichting;
    expect(text).toMatch(/^Overdracht na de veiligheidsbeoordeling \(P4\), over: partnergeweld\./);
    expect(text).not.toContain('Leerkracht');
  });

  it('refuses a handover text on another route', async () => {
    const id = await melding();
    expect((await post(`/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'mdo', band: 'P3', reason: 'MDO.', overdracht: { toelichting: 'Tekst.' } })).statusCode).toBe(400);
  });
});

describe('finishing an onderzoek', () => {
  async function onderzoekLoopt() {
    const id = await melding({ veiligheid: { lopendGeweld: true } });
    expect((await post(`/api/meldingen/${id}/beoordeling`, beoordelaar, { route: 'crisisteam', band: 'P1' })).statusCode).toBe(200);
    expect((await post(`/api/meldingen/${id}/doorzetten`, crisis, { naar: 'onderzoek', toelichting: 'Acuut gevaar geweken.' })).statusCode).toBe(200);
    expect((await post(`/api/meldingen/${id}/onderzoek`, medewerker, {})).statusCode).toBe(201);
    return id;
  }

  it('records the conclusions in words, and sends the handover the worker wrote', async () => {
    const id = await onderzoekLoopt();
    const res = await post(`/api/meldingen/${id}/onderzoek/afronden`, medewerker, {
      uitkomsten: [{ geweldsvorm: 'partnergeweld', conclusie: 'bevestigd' }],
      vervolg: 'overdracht',
      conclusie: 'Partnergeweld bevestigd in gesprekken met beide ouders en de school; vader volgt een agressietraining.',
      overdracht: { toelichting: 'Ouders willen hulp bij de opvoeding; vader volgt een training.', veiligheidsvoorwaarden: 'Geen geweld in het bijzijn van de kinderen.' },
    });
    expect(res.statusCode).toBe(200);
    const v = (await t.app.inject({ url: `/api/meldingen/${id}`, headers: chef.headers })).json() as View & { status: string };
    expect(v.status).toBe('overdracht');
    expect(v.onderzoek?.conclusie).toMatch(/^Partnergeweld bevestigd/);
    expect(v.overdracht).toMatchObject({ toelichting: 'Ouders willen hulp bij de opvoeding; vader volgt een training.', veiligheidsvoorwaarden: 'Geen geweld in het bijzijn van de kinderen.' });
    const seen = (await t.app.inject({ url: `/api/meldingen/${id}`, headers: wijkteam.headers })).json() as View;
    expect(seen.onderzoek?.conclusie ?? null).toBeNull();
    expect(seen.toelichting).toBe('Ouders willen hulp bij de opvoeding; vader volgt een training.');
  });

  it('refuses a handover with another vervolg', async () => {
    const id = await onderzoekLoopt();
    const res = await post(`/api/meldingen/${id}/onderzoek/afronden`, medewerker, {
      uitkomsten: [{ geweldsvorm: 'partnergeweld', conclusie: 'niet_bevestigd' }],
      vervolg: 'afsluiten',
      overdracht: { toelichting: 'Hoort hier niet.' },
    });
    expect(res.statusCode).toBe(400);
  });
});
