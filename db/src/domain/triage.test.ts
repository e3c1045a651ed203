import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acuteIndicatoren, contextIndicatoren, multiProbleemIndicatoren, structureleIndicatoren, veiligheidVragen, type Veiligheid } from './codes.ts';
import { factorLabelsNl } from './labels.ts';
import { loadPolicy, policyV1 } from './policy.ts';
import { ageOn, triage, type TriageInput } from './triage.ts';

const receivedAt = new Date('2026-06-15T10:00:00+02:00');
const adult = { rol: 'slachtoffer' as const, geboortedatum: '1990-01-01' };
const input = (over: Partial<TriageInput> = {}): TriageInput => ({
  receivedAt,
  veiligheid: {},
  anoniemNaarHuishouden: false,
  betrokkenen: [adult],
  eerdereMeldingen: 0,
  ...over,
});
const run = (over: Partial<TriageInput> = {}) => triage(input(over), policyV1);
const weightOf = (v: Veiligheid) => run({ veiligheid: v }).priority;

describe('factors of policy v1', () => {
  it.each(acuteIndicatoren)('acute indicator %s weighs 40 and makes the melding acute (P1, crisisteam)', (code) => {
    const r = run({ veiligheid: { [code]: true } });
    expect(r.factors).toEqual([{ code, weight: 40 }]);
    expect(r).toMatchObject({ urgency: 'acuut', band: 'P1', route: 'crisisteam', routeRule: 'acuut', priority: 40 });
  });

  it.each([
    ['herhaaldGeweld', 10],
    ['dwingendeControle', 10],
    ['kindGetuige', 10],
    ['verwaarlozing', 8],
    ['zorgafhankelijk', 8],
    ['stalking', 6],
    ['financieleUitbuiting', 5],
    ['verslaving', 4],
    ['psychiatrie', 4],
    ['schulden', 3],
    ['huisvesting', 3],
    ['isolement', 3],
  ] as const)('%s weighs %i', (code, weight) => {
    expect(run({ veiligheid: { [code]: true } }).factors).toEqual([{ code, weight }]);
    expect(weightOf({ [code]: true })).toBe(weight);
  });

  it.each(contextIndicatoren)('context indicator %s adds no weight', (code) => {
    expect(run({ veiligheid: { [code]: true } }).factors).toEqual([]);
  });

  it('weighs a child under 4 with 15, otherwise a child under 18 with 10, never both', () => {
    expect(run({ betrokkenen: [adult, { rol: 'kind', geboortedatum: '2023-06-16' }] }).factors).toEqual([{ code: 'kindJongerDan4', weight: 15 }]);
    // The fourth birthday on the day of receipt: no longer under 4.
    expect(run({ betrokkenen: [adult, { rol: 'kind', geboortedatum: '2022-06-15' }] }).factors).toEqual([{ code: 'kindJongerDan18', weight: 10 }]);
    expect(run({ betrokkenen: [adult, { rol: 'kind', geboortedatum: '2022-06-15' }, { rol: 'kind', geboortedatum: '2025-01-01' }] }).factors).toEqual([{ code: 'kindJongerDan4', weight: 15 }]);
    expect(run({ betrokkenen: [adult, { rol: 'overig', geboortedatum: '2008-06-16' }] }).factors).toEqual([{ code: 'kindJongerDan18', weight: 10 }]);
    expect(run({ betrokkenen: [adult, { rol: 'overig', geboortedatum: '2008-06-15' }] }).factors).toEqual([]);
  });

  it('counts a kind without birth date as a child under 18, not under 4', () => {
    expect(run({ betrokkenen: [adult, { rol: 'kind' }] }).factors).toEqual([{ code: 'kindJongerDan18', weight: 10 }]);
    expect(run({ betrokkenen: [adult, { rol: 'overig', geboortedatum: null }] }).factors).toEqual([]);
  });

  it('counts ages on the Amsterdam date of receipt', () => {
    // 23:30 UTC on 14 June is 15 June in Amsterdam: the fourth birthday has come.
    const r = triage(input({ receivedAt: new Date('2026-06-14T22:30:00Z'), betrokkenen: [{ rol: 'kind', geboortedatum: '2022-06-15' }] }), policyV1);
    expect(r.factors).toEqual([{ code: 'kindJongerDan18', weight: 10 }]);
    expect(ageOn('2022-06-15', '2026-06-14')).toBe(3);
    expect(ageOn('2020-02-29', '2024-02-28')).toBe(3);
  });

  it('weighs a victim aged 65 or older with 10, only in the rol slachtoffer', () => {
    expect(run({ betrokkenen: [{ rol: 'slachtoffer', geboortedatum: '1961-06-15' }] }).factors).toEqual([{ code: 'slachtoffer65Plus', weight: 10 }]);
    expect(run({ betrokkenen: [{ rol: 'slachtoffer', geboortedatum: '1961-06-16' }] }).factors).toEqual([]);
    expect(run({ betrokkenen: [{ rol: 'vermoedelijke_pleger', geboortedatum: '1940-01-01' }] }).factors).toEqual([]);
  });

  it('weighs earlier meldingen 5 each, at most 3 counted', () => {
    expect(run({ eerdereMeldingen: 1 }).factors).toEqual([{ code: 'eerdereMeldingen', weight: 5 }]);
    expect(run({ eerdereMeldingen: 3 }).factors).toEqual([{ code: 'eerdereMeldingen', weight: 15 }]);
    expect(run({ eerdereMeldingen: 9 }).factors).toEqual([{ code: 'eerdereMeldingen', weight: 15 }]);
    expect(run({ eerdereMeldingen: 0 }).factors).toEqual([]);
  });

  it('caps the priority at 100', () => {
    const all = Object.fromEntries(veiligheidVragen.map((v) => [v, true]));
    expect(run({ veiligheid: all }).priority).toBe(100);
  });

  it('has a Dutch label for every factor it can produce', () => {
    const all = Object.fromEntries(veiligheidVragen.map((v) => [v, true]));
    const codes = run({ veiligheid: all, eerdereMeldingen: 2, betrokkenen: [{ rol: 'slachtoffer', geboortedatum: '1950-01-01' }, { rol: 'kind', geboortedatum: '2025-01-01' }] }).factors.map((f) => f.code);
    for (const c of [...codes, 'kindJongerDan18']) expect(factorLabelsNl[c], c).toBeTruthy();
  });
});

describe('bands', () => {
  // verslaving 4 + schulden/huisvesting/isolement 3 each = 13; stalking 6 → 19; financieleUitbuiting 5 …
  it('puts 19 in P4 and 20 in P3', () => {
    const nineteen = { stalking: true, verslaving: true, schulden: true, huisvesting: true, isolement: true } as const;
    expect(run({ veiligheid: nineteen })).toMatchObject({ priority: 19, band: 'P4' });
    expect(run({ veiligheid: nineteen, eerdereMeldingen: 0, betrokkenen: [adult] }).band).toBe('P4');
    expect(run({ veiligheid: { herhaaldGeweld: true, dwingendeControle: true } })).toMatchObject({ priority: 20, band: 'P3' });
  });

  it('puts 39 in P3 and 40 in P2', () => {
    expect(run({ veiligheid: { herhaaldGeweld: true, dwingendeControle: true, kindGetuige: true, verslaving: true, schulden: true, isolement: true } }).priority).toBe(40);
    expect(run({ veiligheid: { herhaaldGeweld: true, dwingendeControle: true, kindGetuige: true, stalking: true, isolement: true } })).toMatchObject({ priority: 39, band: 'P3' });
    expect(run({ veiligheid: { herhaaldGeweld: true, dwingendeControle: true, kindGetuige: true, verslaving: true, schulden: true, isolement: true } })).toMatchObject({ priority: 40, band: 'P2' });
  });

  it('makes every acute melding P1 whatever the score, and no other', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...veiligheidVragen), fc.boolean()), fc.integer({ min: 0, max: 6 }), (v, n) => {
        const r = run({ veiligheid: v, eerdereMeldingen: n });
        const acute = acuteIndicatoren.some((a) => v[a]);
        return (r.band === 'P1') === acute && (r.urgency === 'acuut') === acute && r.priority >= 0 && r.priority <= 100 &&
          r.priority === Math.min(100, r.factors.reduce((s, f) => s + f.weight, 0));
      }),
    );
  });
});

describe('route rules, first match wins', () => {
  it('1. acuut → crisisteam, even with context indicators', () => {
    expect(run({ veiligheid: { wapen: true, onduidelijkOfGeweld: true } })).toMatchObject({ route: 'crisisteam', routeRule: 'acuut' });
  });

  it.each(['onduidelijkOfGeweld', 'ontkenningOfWeigering', 'onvoldoendeInformatie', 'anonimiteitToegezegd'] as const)('2. %s → mdo', (code) => {
    expect(run({ veiligheid: { [code]: true, schulden: true } })).toMatchObject({ route: 'mdo', routeRule: 'mdo_context' });
  });

  it('2. promised anonymity towards the household counts as anonimiteitToegezegd', () => {
    expect(run({ anoniemNaarHuishouden: true })).toMatchObject({ route: 'mdo', routeRule: 'mdo_context' });
  });

  it('3. a structural indicator with 2 or more earlier meldingen → mdo', () => {
    expect(run({ veiligheid: { stalking: true }, eerdereMeldingen: 2 })).toMatchObject({ route: 'mdo', routeRule: 'mdo_herhaald' });
    expect(run({ veiligheid: { stalking: true }, eerdereMeldingen: 1 })).toMatchObject({ route: 'wijkteam', routeRule: 'wijkteam' });
    // Multi-problem indicators alone do not make it an MDO case.
    expect(run({ veiligheid: { schulden: true }, eerdereMeldingen: 5 })).toMatchObject({ route: 'wijkteam' });
  });

  it.each([...structureleIndicatoren, ...multiProbleemIndicatoren])('4. %s alone → wijkteam', (code) => {
    expect(run({ veiligheid: { [code]: true } })).toMatchObject({ route: 'wijkteam', routeRule: 'wijkteam' });
  });

  it('5. nothing of the above → afsluiten', () => {
    expect(run({ veiligheid: { professionalBetrokken: true, huishoudenWerktMee: true }, eerdereMeldingen: 4, betrokkenen: [adult, { rol: 'kind' }] })).toMatchObject({
      route: 'afsluiten',
      routeRule: 'afsluiten',
    });
  });
});

describe('the policy as data', () => {
  it('loads v1 and rejects broken policies', () => {
    expect(loadPolicy(structuredClone(policyV1))).toEqual(policyV1);
    expect(() => loadPolicy({ ...policyV1, acuteWeight: -1 })).toThrow(/acuteWeight/);
    expect(() => loadPolicy({ ...policyV1, routeRules: policyV1.routeRules.slice(0, 2) })).toThrow(/last route rule/);
    expect(() => loadPolicy({ ...policyV1, routeRules: [{ id: 'x', route: 'ergens', when: {} }] })).toThrow(/invalid triage policy/);
  });

  it('lets another policy change the outcome without code changes', () => {
    const v2 = loadPolicy({ ...structuredClone(policyV1), rulesVersion: 'v2-test', indicatorWeights: { ...policyV1.indicatorWeights, stalking: 40 } });
    expect(triage(input({ veiligheid: { stalking: true } }), v2)).toMatchObject({ band: 'P2', rulesVersion: 'v2-test' });
  });
});
