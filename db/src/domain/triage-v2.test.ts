// Triage policy v2 (domain.md, "What v2 changes"): every change on its own, the rule order, the attention points and
// every sentence of the explanation; v1 keeps its old results, and the two agree wherever v2 changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betrokkeneRollen,
  eergerelateerdeVormen,
  geweldsvormen,
  mensenhandelVormen,
  multiProbleemIndicatoren,
  structureleIndicatoren,
  veiligheidVragen,
  type Geweldsvorm,
} from './codes.ts';
import { explainTriage } from './explain.ts';
import { loadPolicy, policyV1, policyV2 } from './policy.ts';
import { triage, type TriageInput } from './triage.ts';

const receivedAt = new Date('2026-06-15T10:00:00+02:00');
const adult = { rol: 'slachtoffer' as const, geboortedatum: '1990-01-01' };
const input = (over: Partial<TriageInput> = {}): TriageInput => ({
  receivedAt,
  veiligheid: {},
  anoniemNaarHuishouden: false,
  betrokkenen: [adult],
  geweldsvormen: [],
  eerdereMeldingen: 0,
  ...over,
});
const v2 = (over: Partial<TriageInput> = {}) => triage(input(over), policyV2);
const v1 = (over: Partial<TriageInput> = {}) => triage(input(over), policyV1);
/** The explanation of a fresh v2 (or v1) proposal, as the API gives it. */
const explain = (over: Partial<TriageInput> = {}, policy = policyV2) => {
  const i = input(over);
  const r = triage(i, policy);
  return explainTriage({ ...r, eerdereMeldingen: i.eerdereMeldingen }, { veiligheid: i.veiligheid, anoniemNaarHuishouden: i.anoniemNaarHuishouden, geweldsvormen: i.geweldsvormen ?? [] });
};

describe('policy v2 as data', () => {
  it('passes the policy schema and keeps v1 loadable beside it', () => {
    expect(loadPolicy(structuredClone(policyV2))).toEqual(policyV2);
    expect(loadPolicy(structuredClone(policyV1))).toEqual(policyV1);
    expect(policyV2.rulesVersion).toBe('v2');
    expect(policyV2.routeRules.map((r) => r.id)).toEqual(['acuut', 'mdo_specialistisch', 'mdo_context', 'mdo_herhaald', 'hulpverlening', 'wijkteam', 'afsluiten']);
  });
});

describe('1. specialist forms of violence are inputs', () => {
  it.each(eergerelateerdeVormen)('%s adds eergerelateerd (15) with its attention point', (vorm) => {
    const r = v2({ geweldsvormen: [vorm] });
    expect(r.factors).toEqual([{ code: 'eergerelateerd', weight: 15 }]);
    expect(r.aandachtspunten).toEqual(['eergerelateerd']);
  });

  it.each(mensenhandelVormen)('%s adds mensenhandel (15) with its attention point', (vorm) => {
    const r = v2({ geweldsvormen: [vorm] });
    expect(r.factors).toEqual([{ code: 'mensenhandel', weight: 15 }]);
    expect(r.aandachtspunten).toEqual(['mensenhandel']);
  });

  it('weighs each once however many of its forms, and both may apply', () => {
    expect(v2({ geweldsvormen: ['huwelijksdwang', 'achterlating', 'vgv'] }).factors).toEqual([{ code: 'eergerelateerd', weight: 15 }]);
    const both = v2({ geweldsvormen: ['eergerelateerd_geweld', 'mensenhandel_arbeid', 'mensenhandel_seksueel'] });
    expect(both.factors).toEqual([
      { code: 'eergerelateerd', weight: 15 },
      { code: 'mensenhandel', weight: 15 },
    ]);
    expect(both.aandachtspunten).toEqual(['eergerelateerd', 'mensenhandel']);
    expect(both.priority).toBe(30);
  });

  it('leaves the other forms without factor or attention point', () => {
    const others = geweldsvormen.filter((g) => !(eergerelateerdeVormen as readonly string[]).includes(g) && !(mensenhandelVormen as readonly string[]).includes(g));
    expect(v2({ geweldsvormen: others })).toMatchObject({ factors: [], aandachtspunten: [] });
  });

  it('is not read by v1: the same melding gets its old v1 result', () => {
    expect(v1({ geweldsvormen: ['huwelijksdwang'], veiligheid: { schulden: true } })).toEqual({
      urgency: 'niet_acuut',
      band: 'P4',
      priority: 3,
      route: 'wijkteam',
      routeRule: 'wijkteam',
      factors: [{ code: 'schulden', weight: 3 }],
      aandachtspunten: [],
      rulesVersion: 'v1',
    });
  });
});

describe('2. the route rule for them, right after the acute rule', () => {
  it('sends an eergerelateerd or mensenhandel melding to the mdo before every later rule', () => {
    expect(v2({ geweldsvormen: ['huwelijksdwang'], veiligheid: { schulden: true } })).toMatchObject({ route: 'mdo', routeRule: 'mdo_specialistisch' });
    expect(v2({ geweldsvormen: ['mensenhandel_arbeid'] })).toMatchObject({ route: 'mdo', routeRule: 'mdo_specialistisch' });
    expect(v2({ geweldsvormen: ['vgv'], veiligheid: { onduidelijkOfGeweld: true } }).routeRule).toBe('mdo_specialistisch');
    expect(v2({ geweldsvormen: ['achterlating'], veiligheid: { professionalBetrokken: true, huishoudenWerktMee: true, herhaaldGeweld: true } }).route).toBe('mdo');
  });

  it('still lets the acute rule go first', () => {
    expect(v2({ geweldsvormen: ['huwelijksdwang'], veiligheid: { dreigendVertrek: true } })).toMatchObject({
      route: 'crisisteam',
      routeRule: 'acuut',
      band: 'P1',
      aandachtspunten: ['eergerelateerd'],
    });
  });
});

describe('4. the hulpverlening route', () => {
  const involved = { professionalBetrokken: true, huishoudenWerktMee: true } as const;
  it.each([...structureleIndicatoren, ...multiProbleemIndicatoren])('hands over to the professional already involved with %s', (code) => {
    expect(v2({ veiligheid: { ...involved, [code]: true } })).toMatchObject({ route: 'hulpverlening', routeRule: 'hulpverlening' });
  });

  it('needs both the professional and the cooperation, and a concern', () => {
    expect(v2({ veiligheid: { professionalBetrokken: true, schulden: true } }).route).toBe('wijkteam');
    expect(v2({ veiligheid: { huishoudenWerktMee: true, schulden: true } }).route).toBe('wijkteam');
    expect(v2({ veiligheid: involved }).route).toBe('afsluiten');
  });

  it('comes after the mdo rules', () => {
    expect(v2({ veiligheid: { ...involved, schulden: true, ontkenningOfWeigering: true } }).routeRule).toBe('mdo_context');
    expect(v2({ veiligheid: { ...involved, stalking: true }, eerdereMeldingen: 2 }).routeRule).toBe('mdo_herhaald');
  });

  it('is unknown to v1, which hands such a melding to the wijkteam', () => {
    expect(v1({ veiligheid: { ...involved, schulden: true } }).route).toBe('wijkteam');
  });
});

describe('5. a vermoedelijke pleger is never the child at risk', () => {
  it('does not count a son of 16 who hits his mother', () => {
    const son = { rol: 'vermoedelijke_pleger' as const, geboortedatum: '2010-01-01' };
    expect(v2({ betrokkenen: [adult, son] }).factors).toEqual([]);
    expect(v1({ betrokkenen: [adult, son] }).factors).toEqual([{ code: 'kindJongerDan18', weight: 10 }]);
  });

  it('counts slachtoffer, kind and overig under 18 alike, and a kind without birth date as under 18', () => {
    for (const rol of ['slachtoffer', 'kind', 'overig'] as const) {
      expect(v2({ betrokkenen: [adult, { rol, geboortedatum: '2012-03-01' }] }).factors, rol).toEqual([{ code: 'kindJongerDan18', weight: 10 }]);
      expect(v2({ betrokkenen: [adult, { rol, geboortedatum: '2024-03-01' }] }).factors, rol).toEqual([{ code: 'kindJongerDan4', weight: 15 }]);
    }
    expect(v2({ betrokkenen: [adult, { rol: 'kind' }] }).factors).toEqual([{ code: 'kindJongerDan18', weight: 10 }]);
  });

  it('still counts a child beside a young pleger', () => {
    const r = v2({ betrokkenen: [{ rol: 'vermoedelijke_pleger', geboortedatum: '2009-09-09' }, { rol: 'kind', geboortedatum: '2019-01-01' }] });
    expect(r.factors).toEqual([{ code: 'kindJongerDan18', weight: 10 }]);
  });
});

describe('3. attention points and the texts that explain a proposal', () => {
  it('tells the beoordelaar what the specialism requires, in Dutch', () => {
    expect(explain({ geweldsvormen: ['huwelijksdwang'] }).aandachtspunten).toEqual([
      {
        code: 'eergerelateerd',
        tekst: 'Eergerelateerd geweld: raadpleeg het Landelijk Expertisecentrum Eergerelateerd Geweld (LEC EGG) en vraag de politie om een risicotaxatie. Benader de ouders of de familie niet voordat die er is.',
      },
    ]);
    expect(explain({ geweldsvormen: ['mensenhandel_seksueel'] }).aandachtspunten).toEqual([
      { code: 'mensenhandel', tekst: 'Mensenhandel: raadpleeg de regionale coördinator mensenhandel en meld het slachtoffer aan bij CoMensha (met toestemming, of geanonimiseerd).' },
    ]);
    expect(explain({ veiligheid: { schulden: true } }).aandachtspunten).toEqual([]);
  });

  it('gives every factor a Dutch tekst, with the fixed wording', () => {
    const e = explain({
      veiligheid: { letselJongKind: true, dwingendeControle: true, isolement: true },
      betrokkenen: [adult, { rol: 'kind', geboortedatum: '2025-09-01' }],
      geweldsvormen: ['huwelijksdwang', 'vgv'],
      eerdereMeldingen: 4,
    });
    expect(e.factors.map((f) => f.tekst)).toEqual([
      'Letsel bij een kind jonger dan 2 jaar',
      'Kind jonger dan 4 jaar',
      'Dwingende controle',
      'Isolement',
      'Eergerelateerd geweld: huwelijksdwang en vrouwelijke genitale verminking',
      '4 eerdere meldingen over dit huishouden in de 24 maanden ervoor (radar; 3 tellen mee)',
    ]);
    expect(explain({ eerdereMeldingen: 1 }).factors[0]!.tekst).toBe('1 eerdere melding over dit huishouden in de 24 maanden ervoor (radar)');
  });

  it.each([
    [{ veiligheid: { doodsbedreiging: true, wapen: true } }, 'Acute onveiligheid (doodsbedreiging en wapen): direct naar het crisisteam; binnen 24 uur moet er iets gebeuren.'],
    [
      { geweldsvormen: ['huwelijksdwang', 'achterlating'] as Geweldsvorm[] },
      'Vermoeden van eergerelateerd geweld (huwelijksdwang en achterlating): naar het MDO, nooit rechtstreeks naar het wijkteam; eerst een risicotaxatie en de specialistische keten.',
    ],
    [
      { geweldsvormen: ['vgv', 'mensenhandel_arbeid'] as Geweldsvorm[] },
      'Vermoeden van eergerelateerd geweld (vrouwelijke genitale verminking) en vermoeden van mensenhandel (arbeidsuitbuiting): naar het MDO, nooit rechtstreeks naar het wijkteam; eerst een risicotaxatie en de specialistische keten.',
    ],
    [
      { veiligheid: { onduidelijkOfGeweld: true }, anoniemNaarHuishouden: true },
      'Onduidelijk of er geweld is en anonimiteit toegezegd: Veilig Thuis houdt de regie en het MDO kiest tussen onderzoek en Voorwaarden en vervolg.',
    ],
    [{ veiligheid: { herhaaldGeweld: true, schulden: true }, eerdereMeldingen: 2 }, '2 eerdere meldingen in 24 maanden en structurele zorgen (herhaald geweld): naar het MDO.'],
    [
      { veiligheid: { professionalBetrokken: true, huishoudenWerktMee: true, verslaving: true, schulden: true } },
      'Er is al een professional betrokken en het huishouden werkt mee, bij structurele zorgen (verslaving) en meervoudige problemen (schulden): overdracht aan de betrokken hulpverlening.',
    ],
    [{ veiligheid: { schulden: true, huisvesting: true } }, 'Meervoudige problemen (schulden en huisvesting): overdracht aan het wijkteam van de gemeente.'],
    [{ veiligheid: { stalking: true } }, 'Structurele zorgen (stalking): overdracht aan het wijkteam van de gemeente.'],
    [{}, 'Geen acute onveiligheid, structurele zorgen of meervoudige problemen gemeld: afsluiten of omzetten in advies.'],
  ] as [Partial<TriageInput>, string][])('explains %j as "%s"', (over, uitleg) => {
    expect(explain(over).uitleg).toBe(uitleg);
  });

  it('explains v1 proposals with true texts too', () => {
    // v1's mdo_herhaald once said "eerdere hulp bracht geen veiligheid", which nothing in the melding says.
    expect(explain({ veiligheid: { kindGetuige: true }, eerdereMeldingen: 3 }, policyV1).uitleg).toBe('3 eerdere meldingen in 24 maanden en structurele zorgen (kind is getuige): naar het MDO.');
    expect(explain({ veiligheid: { schulden: true } }, policyV1).uitleg).toBe('Meervoudige problemen (schulden): overdracht aan het wijkteam van de gemeente.');
  });

  it('never cites a fact the melding does not hold', () => {
    fc.assert(
      fc.property(melding, (i) => {
        const e = explain(i);
        const r = triage(input(i), policyV2);
        if (!structureleIndicatoren.some((c) => i.veiligheid?.[c]) && /structurele zorgen \(/.test(e.uitleg)) return false;
        if (!multiProbleemIndicatoren.some((c) => i.veiligheid?.[c]) && /meervoudige problemen \(/i.test(e.uitleg)) return false;
        return e.factors.length === r.factors.length && e.factors.every((f) => f.tekst.length > 3) && !e.uitleg.includes('()');
      }),
    );
  });
});

const melding = fc.record({
  veiligheid: fc.dictionary(fc.constantFrom(...veiligheidVragen), fc.boolean()),
  anoniemNaarHuishouden: fc.boolean(),
  geweldsvormen: fc.uniqueArray(fc.constantFrom(...geweldsvormen), { maxLength: 4 }),
  betrokkenen: fc.array(
    fc.record({
      rol: fc.constantFrom(...betrokkeneRollen),
      geboortedatum: fc.option(fc.constantFrom('1940-05-01', '1988-02-02', '2009-09-09', '2015-01-01', '2024-12-12'), { nil: null }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  eerdereMeldingen: fc.integer({ min: 0, max: 5 }),
});

describe('properties', () => {
  it('v2 never routes an eergerelateerd or mensenhandel melding to the wijkteam (nor past the MDO)', () => {
    fc.assert(
      fc.property(melding, fc.constantFrom(...eergerelateerdeVormen, ...mensenhandelVormen), (i, vorm) => {
        const r = v2({ ...i, geweldsvormen: [...i.geweldsvormen, vorm] });
        return r.route !== 'wijkteam' && r.route !== 'hulpverlening' && ['crisisteam', 'mdo'].includes(r.route) && r.aandachtspunten.length > 0;
      }),
    );
  });

  it('v1 and v2 agree on urgency, band, priority and route without a specialist form, hulpverlening or a pleger under 18', () => {
    const specialist = [...eergerelateerdeVormen, ...mensenhandelVormen] as readonly string[];
    const youngPleger = (i: Partial<TriageInput>) => (i.betrokkenen ?? []).some((b) => b.rol === 'vermoedelijke_pleger' && b.geboortedatum && b.geboortedatum > '2008-06-15');
    fc.assert(
      fc.property(melding, (i) => {
        fc.pre(!i.geweldsvormen.some((g) => specialist.includes(g)) && !youngPleger(i));
        const a = v1(i);
        const b = v2(i);
        fc.pre(b.routeRule !== 'hulpverlening');
        return a.urgency === b.urgency && a.band === b.band && a.priority === b.priority && a.route === b.route && a.routeRule === b.routeRule;
      }),
      { numRuns: 500 },
    );
  });
});
