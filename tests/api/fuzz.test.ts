// Bad input, generated: every POST route gets FUZZ_RUNS (default 1,000) bodies — arbitrary JSON values and valid
// bodies with one part broken — and must answer each with a 4xx (or a success) in the contract's error shape,
// never a 500 and never a stack trace.
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
let adviesId: string;
let meldingId: string;

beforeAll(async () => {
  t = await createTestApp();
  adviseur = await login(t.app, 'adviseur@demo.test');
  beoordelaar = await login(t.app, 'beoordelaar@demo.test');
  chef = await login(t.app, 'chef@demo.test');
  beheer = await login(t.app, 'beheer@demo.test');
  adviesId = ((await t.app.inject({ method: 'POST', url: '/api/adviezen', payload: adviesBody(), headers: adviseur.headers })).json() as { id: string }).id;
  meldingId = ((await t.app.inject({ method: 'POST', url: '/api/meldingen', payload: meldingBody(), headers: partnerHeaders })).json() as { id: string }).id;
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
  { name: 'POST /api/adviezen/:id/melding', url: () => `/api/adviezen/${adviesId}/melding`, headers: () => adviseur.headers, valid: () => meldingBody() },
  { name: 'POST /api/meldingen/:id/beoordeling', url: () => `/api/meldingen/${meldingId}/beoordeling`, headers: () => beoordelaar.headers, valid: () => ({ route: 'mdo', band: 'P2', reason: 'Test' }) },
  { name: 'POST /api/meldingen/:id/aanvulling', url: () => `/api/meldingen/${meldingId}/aanvulling`, headers: () => beoordelaar.headers, valid: () => ({ veiligheid: { stalking: true }, toelichting: 'Nieuw', betrokkenen: [{ rol: 'kind', voornaam: 'A', achternaam: 'B' }] }) },
  { name: 'POST /api/meldingen/:id/toewijzing', url: () => `/api/meldingen/${meldingId}/toewijzing`, headers: () => chef.headers, valid: () => ({ userIds: [chef.userId] }) },
  { name: 'POST /api/kalender/niet-werkdagen', url: () => '/api/kalender/niet-werkdagen', headers: () => beheer.headers, valid: () => ({ datum: '2031-03-03', omschrijving: 'Test' }) },
  { name: 'POST /api/meldingen/:id/overdracht', url: () => `/api/meldingen/${meldingId}/overdracht`, headers: () => beoordelaar.headers, valid: () => ({ gemeente: 'GM0164', toelichting: 'Verhuisd', veiligheidsvoorwaarden: 'Geen contact' }) },
  { name: 'POST /api/meldingen/:id/thv', url: () => `/api/meldingen/${meldingId}/thv`, headers: () => beoordelaar.headers, valid: () => ({ opgelegdOp: '2026-06-01' }) },
  { name: 'POST /api/meldingen/:id/afsluiten', url: () => `/api/meldingen/${meldingId}/afsluiten`, headers: () => beoordelaar.headers, valid: () => ({ reden: 'Geen zorgen meer' }) },
  { name: 'POST /api/auth/login', url: () => '/api/auth/login', headers: () => ({}), valid: () => ({ email: 'niemand@demo.test', password: 'x' }) },
];

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
