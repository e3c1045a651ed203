// Bad input, generated: every POST route (the list is checked against the OpenAPI document) gets FUZZ_RUNS (default
// 1,000) bodies — arbitrary JSON values and valid bodies with one part broken — and must answer each with a 4xx (or
// a success) in the contract's error shape, never a 500 and never a stack trace.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, partnerHeaders, type Session, type TestContext } from '../support/app.ts';
import { adviesBody, meldingBody } from '../support/fixtures.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
let t: TestContext;
let adviseur: Session;
let beoordelaar: Session;
let chef: Session;
let beheer: Session;
let gw: Session;
let medewerker: Session;
let enschede: Session;
let manager: Session;
let privacy: Session;
let leaving: Session;
let adviesId: string;
let meldingId: string;
// A case in each state the lifecycle routes act on, and the ids of the records they act on.
let vvId: string;
let mdoId: string;
let voorwaardeId: string;
let checkpointId: string;
let terugkoppelingId: string;
let thvId: string;
let codeRoodId: string;
let overdrachtId: string;
let verzoekId: string;
let colleagueId: string;
// A partner's API client and one of its keys, for the partner-administration routes (issue #20).
let partnerId: string;
// A form token of the online melding (GET /api/publiek/formulier).
let formulier: string;
let sleutelId: string;
let aanvraagId: string;

const ok = async (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body) as Record<string, unknown> & { id: string };
};
const post = (url: string, s: Session | Record<string, string>, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, headers: 'headers' in s ? (s as Session).headers : (s as Record<string, string>) });

beforeAll(async () => {
  // The online melding's hourly allowance out of the way, so the fuzzer reaches its validation (issue #20).
  t = await createTestApp({ publiek: { perUur: 1_000_000, minSeconden: 0 } });
  formulier = String((await ok(await t.app.inject({ url: '/api/publiek/formulier' }))).formulier);
  const as = (u: string) => login(t.app, `${u}@demo.test`);
  [adviseur, beoordelaar, chef, beheer, gw] = await Promise.all([as('adviseur'), as('beoordelaar'), as('chef'), as('beheer'), as('gw')]);
  [medewerker, enschede, manager, privacy, leaving] = await Promise.all([as('medewerker'), as('wijkteam.enschede'), as('manager'), as('privacy'), as('adviseur')]);
  adviesId = (await ok(await post('/api/adviezen', adviseur, adviesBody()), 201)).id;
  const newMelding = async () => (await ok(await post('/api/meldingen', partnerHeaders, meldingBody()), 201)).id;
  meldingId = await newMelding();
  // V&V: MDO decided it; a condition recorded; checkpoints and the melder's feedback planned.
  vvId = await newMelding();
  await ok(await post(`/api/meldingen/${vvId}/beoordeling`, beoordelaar, { route: 'mdo', band: 'P2', reason: 'Structureel.' }));
  mdoId = (await ok(await post('/api/mdo', gw, { datum: '2026-12-03', deelnemers: [gw.userId] }), 201)).id;
  await ok(await post(`/api/mdo/${mdoId}/agenda`, gw, { meldingId: vvId }), 201);
  await ok(await post(`/api/mdo/${mdoId}/besluiten`, gw, { meldingId: vvId, besluit: 'vv', toelichting: 'Voorwaarden afgesproken.' }));
  voorwaardeId = (await ok(await post(`/api/meldingen/${vvId}/voorwaarden`, medewerker, { omschrijving: 'Geen alcohol.', toezichthouder: 'Huisarts', controleOp: '2027-01-04' }), 201)).id;
  const vv = await ok(await t.app.inject({ url: `/api/meldingen/${vvId}`, headers: chef.headers }));
  checkpointId = (vv.monitoring as { id: string }[])[0]!.id;
  terugkoppelingId = (vv.terugkoppelingen as { id: string }[])[0]!.id;
  thvId = (await ok(await post(`/api/meldingen/${meldingId}/thv`, beoordelaar, { opgelegdOp: '2026-06-01' }), 201)).id;
  codeRoodId = (await ok(await post(`/api/meldingen/${meldingId}/code-rood`, beoordelaar, { datum: '2026-06-01', toelichting: 'Escalatie.' }), 201)).id;
  const handedOver = await newMelding();
  const routed = await ok(await post(`/api/meldingen/${handedOver}/beoordeling`, beoordelaar, { route: 'wijkteam', band: 'P4', reason: 'Wijkteam.' }));
  overdrachtId = (routed.overdracht as { id: string }).id;
  // The account the user-administration routes act on (not one whose session the other routes use).
  colleagueId = (await ok(await post('/api/admin/users', beheer, { email: 'collega.fuzz@demo.test', naam: 'Collega Fuzz', roles: ['adviseur'] }), 201)).id;
  const partner = (await ok(await post('/api/admin/ketenpartners', beheer, { naam: 'Fuzz partner', scopes: ['meldingen:create'], kanalen: ['ketenpartner'] }), 201)).partner as { id: string; sleutels: { id: string }[] };
  partnerId = partner.id;
  sleutelId = partner.sleutels[0]!.id;
  aanvraagId = ((await ok(await t.app.inject({ url: '/api/admin/rol-aanvragen', headers: privacy.headers }))).items as { id: string }[])[0]!.id;
  verzoekId = (await ok(await post('/api/vernietigingsverzoeken', beoordelaar, { meldingId: await newMelding(), reden: 'Rechter oordeelde dat geen belang is aangetoond.' }), 201)).id;
});
afterAll(() => t.close());

type Json = unknown;

/** Paths to every value inside a JSON value. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [prefix, ...v.flatMap((x, i) => paths(x, [...prefix, i]))];
  if (v && typeof v === 'object') return [prefix, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, k]))];
  return [prefix];
}

function setAt(v: Json, path: (string | number)[], value: Json | undefined): Json {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, Json>;
  const next = setAt(copy[head!], rest, value);
  if (next === undefined) delete copy[head!];
  else copy[head!] = next;
  return copy;
}

/** A valid body with one part replaced by anything, removed, or joined by an unknown field. */
const mutated = (valid: Json) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue() },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths(valid)), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ maxLength: 5000 }), fc.constantFrom('', ' ', '2026-02-30', '9999-12-31T23:59:59Z', '\u0000', '<script>alert(1)</script>', "'; drop table meldingen; --")))
        .map(([p, value]) => setAt(valid, p, value)),
    },
    { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue()).map(([k, value]) => ({ ...(valid as object), [k]: value })) },
  );

const routes: { name: string; url: () => string; headers: () => Record<string, string>; valid: () => Json }[] = [
  { name: 'POST /api/adviezen', url: () => '/api/adviezen', headers: () => adviseur.headers, valid: () => adviesBody() },
  { name: 'POST /api/meldingen', url: () => '/api/meldingen', headers: () => partnerHeaders, valid: () => meldingBody() },
  { name: 'POST /api/adviezen/{id}/melding', url: () => `/api/adviezen/${adviesId}/melding`, headers: () => adviseur.headers, valid: () => meldingBody() },
  { name: 'POST /api/meldingen/{id}/beoordeling', url: () => `/api/meldingen/${meldingId}/beoordeling`, headers: () => beoordelaar.headers, valid: () => ({ route: 'mdo', band: 'P2', reason: 'Test' }) },
  { name: 'POST /api/meldingen/{id}/aanvulling', url: () => `/api/meldingen/${meldingId}/aanvulling`, headers: () => beoordelaar.headers, valid: () => ({ veiligheid: { stalking: true }, toelichting: 'Nieuw', betrokkenen: [{ rol: 'kind', voornaam: 'A', achternaam: 'B' }] }) },
  { name: 'POST /api/meldingen/{id}/toewijzing', url: () => `/api/meldingen/${meldingId}/toewijzing`, headers: () => chef.headers, valid: () => ({ userIds: [chef.userId] }) },
  { name: 'POST /api/meldingen/{id}/break-glass', url: () => `/api/meldingen/${vvId}/break-glass`, headers: () => beoordelaar.headers, valid: () => ({ reden: 'Telefoon van de politie over dit gezin.' }) },
  // A switch far in the future to the version already active: nothing the other fuzzed routes do changes.
  { name: 'POST /api/triage/beleid/activeren', url: () => '/api/triage/beleid/activeren', headers: () => beheer.headers, valid: () => ({ versie: 'v2', ingang: '2099-01-01T00:00:00Z', reden: 'Fuzz: herbevestiging van v2.' }) },
  { name: 'POST /api/kalender/niet-werkdagen', url: () => '/api/kalender/niet-werkdagen', headers: () => beheer.headers, valid: () => ({ datum: '2031-03-03', omschrijving: 'Test' }) },
  { name: 'POST /api/meldingen/{id}/overdracht', url: () => `/api/meldingen/${meldingId}/overdracht`, headers: () => beoordelaar.headers, valid: () => ({ gemeente: 'GM0164', toelichting: 'Verhuisd', veiligheidsvoorwaarden: 'Geen contact' }) },
  { name: 'POST /api/overdrachten/{id}/accepteren', url: () => `/api/overdrachten/${overdrachtId}/accepteren`, headers: () => enschede.headers, valid: () => ({}) },
  { name: 'POST /api/overdrachten/{id}/terugsturen', url: () => `/api/overdrachten/${overdrachtId}/terugsturen`, headers: () => enschede.headers, valid: () => ({ reden: 'Gezin verhuisd.' }) },
  { name: 'POST /api/meldingen/{id}/thv', url: () => `/api/meldingen/${meldingId}/thv`, headers: () => beoordelaar.headers, valid: () => ({ opgelegdOp: '2026-06-01' }) },
  { name: 'POST /api/thv/{id}/verlengen', url: () => `/api/thv/${thvId}/verlengen`, headers: () => beoordelaar.headers, valid: () => ({ totEnMet: '2026-06-20' }) },
  { name: 'POST /api/meldingen/{id}/code-rood', url: () => `/api/meldingen/${meldingId}/code-rood`, headers: () => beoordelaar.headers, valid: () => ({ datum: '2026-06-02', toelichting: 'Escalatie.' }) },
  { name: 'POST /api/code-rood/{id}/uitkomst', url: () => `/api/code-rood/${codeRoodId}/uitkomst`, headers: () => beoordelaar.headers, valid: () => ({ datum: '2026-06-09', uitkomst: 'Veiligheidsplan.' }) },
  { name: 'POST /api/meldingen/{id}/acute-inzet', url: () => `/api/meldingen/${meldingId}/acute-inzet`, headers: () => beoordelaar.headers, valid: () => ({ gegevenOp: new Date().toISOString(), acties: ['huisbezoek', 'politie'], uitvoerders: [beoordelaar.userId], toelichting: 'Samen met de politie.' }) },
  { name: 'POST /api/meldingen/{id}/doorzetten', url: () => `/api/meldingen/${meldingId}/doorzetten`, headers: () => beoordelaar.headers, valid: () => ({ naar: 'onderzoek', toelichting: 'Acuut gevaar geweken.' }) },
  { name: 'POST /api/meldingen/{id}/afsluiten', url: () => `/api/meldingen/${meldingId}/afsluiten`, headers: () => beoordelaar.headers, valid: () => ({ reden: 'Geen zorgen meer' }) },
  { name: 'POST /api/mdo', url: () => '/api/mdo', headers: () => gw.headers, valid: () => ({ datum: '2026-12-10', deelnemers: [gw.userId, medewerker.userId] }) },
  { name: 'POST /api/mdo/{id}/agenda', url: () => `/api/mdo/${mdoId}/agenda`, headers: () => gw.headers, valid: () => ({ meldingId }) },
  { name: 'POST /api/mdo/{id}/besluiten', url: () => `/api/mdo/${mdoId}/besluiten`, headers: () => gw.headers, valid: () => ({ meldingId: vvId, besluit: 'onderzoek', toelichting: 'Onderzoek nodig.', eigenaar: medewerker.userId }) },
  { name: 'POST /api/meldingen/{id}/onderzoek', url: () => `/api/meldingen/${vvId}/onderzoek`, headers: () => medewerker.headers, valid: () => ({ startedAt: '2026-12-01' }) },
  { name: 'POST /api/meldingen/{id}/onderzoek/afronden', url: () => `/api/meldingen/${vvId}/onderzoek/afronden`, headers: () => medewerker.headers, valid: () => ({ uitkomsten: [{ geweldsvorm: 'partnergeweld', conclusie: 'bevestigd' }], vervolg: 'monitoring' }) },
  { name: 'POST /api/meldingen/{id}/voorwaarden', url: () => `/api/meldingen/${vvId}/voorwaarden`, headers: () => medewerker.headers, valid: () => ({ omschrijving: 'Kinderen naar school.', toezichthouder: 'School', controleOp: '2027-02-01' }) },
  { name: 'POST /api/voorwaarden/{id}/beoordeling', url: () => `/api/voorwaarden/${voorwaardeId}/beoordeling`, headers: () => medewerker.headers, valid: () => ({ uitkomst: 'nagekomen', toelichting: 'Huisarts bevestigt.' }) },
  { name: 'POST /api/monitoring/{id}', url: () => `/api/monitoring/${checkpointId}`, headers: () => medewerker.headers, valid: () => ({ uitkomst: 'veilig', toelichting: 'Stabiel.' }) },
  { name: 'POST /api/terugkoppelingen/{id}/gedaan', url: () => `/api/terugkoppelingen/${terugkoppelingId}/gedaan`, headers: () => beoordelaar.headers, valid: () => ({ bericht: 'Veilig Thuis heeft de veiligheid beoordeeld.', notitie: 'Melder gebeld.' }) },
  { name: 'POST /api/meldingen/{id}/statuslink', url: () => `/api/meldingen/${meldingId}/statuslink`, headers: () => beoordelaar.headers, valid: () => ({}) },
  { name: 'POST /api/meldingen/{id}/statuslink/intrekken', url: () => `/api/meldingen/${meldingId}/statuslink/intrekken`, headers: () => beoordelaar.headers, valid: () => ({}) },
  // A day far ahead: the roster the fuzzing sets is nobody's real day.
  { name: 'POST /api/rooster', url: () => '/api/rooster', headers: () => chef.headers, valid: () => ({ datum: '2031-01-06', diensten: [{ userId: chef.userId, van: '09:00', tot: '17:00', specialismen: ['jeugd'] }] }) },
  { name: 'POST /api/admin/chatteksten', url: () => '/api/admin/chatteksten', headers: () => beheer.headers, valid: () => ({ titel: 'Welkom', tekst: 'Hallo, je chat met Veilig Thuis.' }) },
  { name: 'POST /api/publiek/chat', url: () => '/api/publiek/chat', headers: () => ({}), valid: () => ({}) },
  { name: 'POST /api/chat/sessies/{id}/advies', url: () => `/api/chat/sessies/${meldingId}/advies`, headers: () => adviseur.headers, valid: () => ({ adviesId }) },
  { name: 'POST /api/vernietigingsverzoeken', url: () => '/api/vernietigingsverzoeken', headers: () => beoordelaar.headers, valid: () => ({ meldingId, reden: 'Rechter oordeelde dat geen belang is aangetoond.' }) },
  // Refused as the valid body: the fuzzing must not destroy the case files the other routes use.
  { name: 'POST /api/vernietigingsverzoeken/{id}/besluit', url: () => `/api/vernietigingsverzoeken/${verzoekId}/besluit`, headers: () => privacy.headers, valid: () => ({ besluit: 'afgewezen', reden: 'Belang bij bewaren is aangetoond.' }) },
  // A half-year long past: each delivery recorded is small.
  { name: 'POST /api/rapportage/aanleveringen', url: () => '/api/rapportage/aanleveringen', headers: () => manager.headers, valid: () => ({ jaar: 2020, half: 1 }) },
  { name: 'POST /api/dashboard/targets', url: () => '/api/dashboard/targets', headers: () => manager.headers, valid: () => ({ metric: 'wachtlijst_onderzoek', value: 20, team: 'onderzoek', validFrom: '2026-01-01T00:00:00Z' }) },
  {
    name: 'POST /api/publiek/meldingen',
    url: () => '/api/publiek/meldingen',
    headers: () => ({}),
    valid: () => ({
      gezien: 'Leerling vertelt over geweld thuis; blauwe plekken gezien.',
      huishouden: { adres: { straat: 'Teststraat', huisnummer: '1', postcode: '7511 AB', plaats: 'Enschede' }, gemeente: 'GM0153' },
      betrokkenen: [{ rol: 'kind', voornaam: 'Kim', achternaam: 'Test' }],
      geweldsvormen: ['getuige_partnergeweld'],
      afweging: { onveiligheid: true, zelfHulp: false },
      melder: { naam: 'Juf Test', organisatie: 'School', sector: 'onderwijs', telefoon: '0612345678', email: 'juf@school.example', anoniemNaarHuishouden: false },
      gezinWeet: 'ja',
      formulier,
    }),
  },
  { name: 'POST /api/publiek/bevestigen', url: () => '/api/publiek/bevestigen', headers: () => ({}), valid: () => ({ token: 'a'.repeat(43) }) },
  { name: 'POST /api/ketenberichten', url: () => '/api/ketenberichten', headers: () => partnerHeaders, valid: () => ({ berichten: [{ berichtId: 'fuzz-1', melding: meldingBody() }, { berichtId: 'fuzz-2', melding: meldingBody() }] }) },
  { name: 'POST /api/admin/ketenpartners', url: () => '/api/admin/ketenpartners', headers: () => beheer.headers, valid: () => ({ naam: 'Politie fuzz', scopes: ['meldingen:create', 'ketenberichten'], kanalen: ['ketenpartner'] }) },
  { name: 'POST /api/admin/ketenpartners/{id}/sleutels', url: () => `/api/admin/ketenpartners/${partnerId}/sleutels`, headers: () => beheer.headers, valid: () => ({ overlapDagen: 7 }) },
  { name: 'POST /api/admin/ketenpartners/{id}/sleutels/{sleutelId}/intrekken', url: () => `/api/admin/ketenpartners/${partnerId}/sleutels/${sleutelId}/intrekken`, headers: () => beheer.headers, valid: () => ({}) },
  { name: 'POST /api/admin/ketenpartners/{id}/intrekken', url: () => `/api/admin/ketenpartners/${partnerId}/intrekken`, headers: () => beheer.headers, valid: () => ({}) },
  { name: 'POST /api/admin/users', url: () => '/api/admin/users', headers: () => beheer.headers, valid: () => ({ email: 'nieuw@demo.test', naam: 'Nieuwe Collega', roles: ['adviseur'], otherTeamIds: [], gemeente: 'GM0153' }) },
  { name: 'POST /api/admin/users/{id}/rollen', url: () => `/api/admin/users/${colleagueId}/rollen`, headers: () => beheer.headers, valid: () => ({ roles: ['adviseur', 'manager'] }) },
  { name: 'POST /api/admin/users/{id}/activatielink', url: () => `/api/admin/users/${colleagueId}/activatielink`, headers: () => beheer.headers, valid: () => ({}) },
  // Refused as the valid body: the account is not given rights by the fuzzing.
  { name: 'POST /api/admin/rol-aanvragen/{id}/besluit', url: () => `/api/admin/rol-aanvragen/${aanvraagId}/besluit`, headers: () => privacy.headers, valid: () => ({ besluit: 'afgewezen', reden: 'Niet nodig voor het werk.' }) },
  { name: 'POST /api/auth/activatie', url: () => '/api/auth/activatie', headers: () => ({}), valid: () => ({ token: 'x'.repeat(43) }) },
  { name: 'POST /api/auth/activeren', url: () => '/api/auth/activeren', headers: () => ({}), valid: () => ({ token: 'x'.repeat(43), wachtwoord: 'een-lang-en-sterk-wachtwoord-26' }) },
  { name: 'POST /api/admin/users/{id}/tweestaps-herstellen', url: () => `/api/admin/users/${colleagueId}/tweestaps-herstellen`, headers: () => beheer.headers, valid: () => ({}) },
  { name: 'POST /api/admin/users/{id}/uitschakelen', url: () => `/api/admin/users/${colleagueId}/uitschakelen`, headers: () => beheer.headers, valid: () => ({}) },
  { name: 'POST /api/admin/users/{id}/inschakelen', url: () => `/api/admin/users/${colleagueId}/inschakelen`, headers: () => beheer.headers, valid: () => ({}) },
  { name: 'POST /api/auth/login', url: () => '/api/auth/login', headers: () => ({}), valid: () => ({ email: 'niemand@demo.test', password: 'x' }) },
  // A wrong current password as the valid body: the account keeps its password.
  { name: 'POST /api/auth/wachtwoord', url: () => '/api/auth/wachtwoord', headers: () => chef.headers, valid: () => ({ huidig: 'niet-het-wachtwoord', nieuw: 'een-ander-lang-wachtwoord-2026' }) },
  { name: 'POST /api/auth/totp', url: () => '/api/auth/totp', headers: () => manager.headers, valid: () => ({ code: '123456' }) },
  { name: 'POST /api/auth/totp/enrol', url: () => '/api/auth/totp/enrol', headers: () => manager.headers, valid: () => ({}) },
  { name: 'POST /api/auth/totp/confirm', url: () => '/api/auth/totp/confirm', headers: () => manager.headers, valid: () => ({ code: '123456' }) },
  // Last: it ends its own session (the later bodies meet a 401, which must be in the contract's shape too).
  { name: 'POST /api/auth/logout', url: () => '/api/auth/logout', headers: () => leaving.headers, valid: () => ({}) },
];

it('fuzzes every POST route the API has', () => {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const posts = Object.entries(spec.paths).flatMap(([path, ops]) => ('post' in ops ? [`POST ${path}`] : []));
  expect(routes.map((r) => r.name).sort()).toEqual(posts.sort());
});

// The one public GET that takes input: the melder's status page, its token in the path.
it(`answers ${RUNS} generated status tokens without a 500, always in the contract's shape`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string({ minLength: 1, maxLength: 300 }), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.constantFrom('\u0000'.repeat(43), '..%2F..%2Fetc', '%00')), async (token) => {
      const res = await t.app.inject({ url: `/api/publiek/status/${encodeURIComponent(token)}` });
      expect(res.statusCode, res.body).toBeLessThan(500);
      const e = res.json() as { statusCode: number; code: string };
      expect(e.statusCode).toBe(res.statusCode);
      expect(res.body).not.toMatch(/\.ts:\d+|node_modules|\bat [A-Za-z.]+ \(/);
    }),
    { numRuns: RUNS },
  );
}, 240_000);

describe.each(routes)('$name', (route) => {
  it(`answers ${RUNS} generated bodies without a 500, always in the contract's shape`, async () => {
    await fc.assert(
      fc.asyncProperty(mutated(route.valid()), fc.boolean(), async (body, asText) => {
        const payload = asText ? JSON.stringify(body ?? null).slice(0, Math.max(1, JSON.stringify(body ?? null).length - 1)) : JSON.stringify(body ?? null);
        const res = await t.app.inject({ method: 'POST', url: route.url(), payload, headers: { ...route.headers(), 'content-type': 'application/json' } });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const e = res.json() as { statusCode: number; code: string; message: string };
          expect(e.statusCode).toBe(res.statusCode);
          expect(typeof e.code).toBe('string');
          expect(typeof e.message).toBe('string');
          expect(res.body).not.toMatch(/\.ts:\d+|node_modules|\bat [A-Za-z.]+ \(/);
        }
      }),
      { numRuns: RUNS },
    );
  }, 240_000);
});
