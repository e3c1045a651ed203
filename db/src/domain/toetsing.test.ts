// The pure parts of issue #17's review tools: the fairness review, the version comparison and the register entry.
import { describe, expect, it } from 'vitest';
import { policyV1, policyV2 } from './policy.ts';
import { registerEntry } from './register.ts';
import { leeftijdsgroep, toets, type BeoordelingRij } from './toetsing.ts';
import { inCel, vergelijk } from './vergelijking.ts';

const rij = (over: Partial<BeoordelingRij>): BeoordelingRij => ({
  regel: 'wijkteam',
  voorgesteld: 'P4',
  besloten: 'P4',
  override: false,
  team: 'beoordeling',
  gemeente: 'GM0153',
  melderType: 'professional',
  ontvangen: '2026-06-15',
  geboortedata: [],
  kindZonderDatum: false,
  ...over,
});

describe('leeftijdsgroep', () => {
  it('groups by the youngest child at risk on the day of receipt', () => {
    expect(leeftijdsgroep(rij({ geboortedata: ['1990-01-01', '2022-06-16'] }))).toBe('0-3');
    expect(leeftijdsgroep(rij({ geboortedata: ['2022-06-15'] }))).toBe('4-11');
    expect(leeftijdsgroep(rij({ geboortedata: ['2014-06-15', '2010-01-01'] }))).toBe('12-17');
    expect(leeftijdsgroep(rij({ geboortedata: ['2008-06-15'] }))).toBe('geen_kind');
    expect(leeftijdsgroep(rij({ kindZonderDatum: true }))).toBe('kind_leeftijd_onbekend');
  });
});

describe('toets', () => {
  it('counts overrides per rule and flags one overridden more than the threshold, once applied often enough', () => {
    const rows = [
      ...Array.from({ length: 4 }, () => rij({ override: true, besloten: 'P2' })),
      rij({}),
      rij({ regel: 'afsluiten', override: true }),
      rij({ regel: 'afsluiten' }),
    ];
    const r = toets(rows, 0.5);
    expect(r).toMatchObject({ totaal: 7, afwijkend: 5, drempel: 0.5 });
    expect(r.perRegel).toEqual([
      { sleutel: 'afsluiten', totaal: 2, afwijkend: 1, aandeel: 0.5, herzien: false },
      { sleutel: 'wijkteam', totaal: 5, afwijkend: 4, aandeel: 0.8, herzien: true },
    ]);
    expect(r.verdeling.leeftijd).toEqual([{ groep: 'geen_kind', totaal: 7, voorgesteld: { P1: 0, P2: 0, P3: 0, P4: 7 }, besloten: { P1: 0, P2: 4, P3: 0, P4: 3 } }]);
  });
});

describe('vergelijk', () => {
  const base = { receivedAt: new Date('2026-06-15T10:00:00+02:00'), anoniemNaarHuishouden: false, betrokkenen: [{ rol: 'slachtoffer' as const, geboortedatum: '1980-01-01' }], eerdereMeldingen: 0 };
  it('counts the meldingen that change route, band or urgency, in full matrices', () => {
    const inputs = [
      { ...base, veiligheid: { schulden: true }, geweldsvormen: ['huwelijksdwang' as const] },
      { ...base, veiligheid: { herhaaldGeweld: true } },
    ];
    const r = vergelijk(inputs, policyV1, policyV2);
    expect(r.totaal).toBe(2);
    expect(r.gewijzigd).toEqual({ route: 1, band: 0, urgency: 0, enig: 1 });
    expect(r.routes).toHaveLength(25);
    expect(r.banden).toHaveLength(16);
    expect(r.routes.find((c) => c.van === 'wijkteam' && c.naar === 'mdo')?.aantal).toBe(1);
    expect(r.routes.find((c) => c.van === 'wijkteam' && c.naar === 'wijkteam')?.aantal).toBe(1);
    expect(inCel(inputs[0]!, policyV1, policyV2, { dimensie: 'route', van: 'wijkteam', naar: 'mdo' })).toBe(true);
    expect(inCel(inputs[1]!, policyV1, policyV2, { dimensie: 'route', van: 'wijkteam', naar: 'mdo' })).toBe(false);
  });
});

describe('registerEntry', () => {
  it('is generated from the policy data: its rules, weights and bands', () => {
    const v2 = registerEntry(policyV2);
    expect(v2.naam).toBe('Triagevoorstel Veilig Thuis, versie v2');
    expect(v2.werking.routeRegels).toHaveLength(policyV2.routeRules.length);
    expect(v2.werking.routeRegels[1]).toMatch(/^2\. Bij een vermoeden van eergerelateerd geweld of mensenhandel/);
    expect(v2.werking.gewichten).toContainEqual({ factor: 'eergerelateerd geweld (eenmaal)', gewicht: 15 });
    expect(v2.werking.banden).toEqual(['P1: elke melding met een acute aanwijzing', 'P2: niet acuut, score 40 of hoger', 'P3: niet acuut, score 20 tot 40', 'P4: niet acuut, score onder 20']);
    expect(v2.werking.tekst).toContain('Een vermoedelijke pleger telt nooit als het kind in gevaar.');
    const v1 = registerEntry(policyV1);
    expect(v1.werking.routeRegels).toHaveLength(5);
    expect(v1.werking.gewichten.some((g) => g.factor.startsWith('eergerelateerd'))).toBe(false);
    expect(v1.werking.tekst).not.toContain('pleger');
    // A change in the data changes the entry: it cannot drift from the code.
    expect(registerEntry({ ...policyV2, acuteWeight: 50 }).werking.gewichten[0]!.gewicht).toBe(50);
  });
});
