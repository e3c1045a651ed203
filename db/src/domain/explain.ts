// True texts for a triage proposal (domain.md, "Triage policy v2"): every factor in plain words, the attention points
// with what the specialism requires, and the route's reason citing only the facts that made its rule fire
// ("2 eerdere meldingen in 24 maanden en structurele zorgen", never "eerdere hulp bracht geen veiligheid").
// Texts are not part of the rules: a proposal stored with v1 or v2 is explained from what it stored (route rule,
// factors, eerdereMeldingen) and the melding's own answers, so a text fixed here is fixed for old proposals too.
import {
  acuteIndicatoren,
  contextIndicatoren,
  eergerelateerdeVormen,
  mensenhandelVormen,
  multiProbleemIndicatoren,
  structureleIndicatoren,
  type Aandachtspunt,
  type Veiligheid,
  type VeiligheidVraag,
} from './codes.ts';
import { triageLabels } from './labels.ts';
import { POLICIES, policyV1 } from './policies.ts';

export interface StoredProposal {
  rulesVersion: string;
  routeRule: string;
  factors: readonly { code: string; weight: number }[];
  eerdereMeldingen: number;
}

export interface MeldingFacts {
  veiligheid: Veiligheid;
  anoniemNaarHuishouden: boolean;
  geweldsvormen: readonly string[];
}

export interface Explanation {
  factors: { code: string; weight: number; tekst: string }[];
  aandachtspunten: { code: Aandachtspunt; tekst: string }[];
  uitleg: string;
}

type Lang = 'nl' | 'en';

const words = {
  nl: {
    en: 'en',
    eerdere: (n: number) => (n === 1 ? '1 eerdere melding' : `${n} eerdere meldingen`),
    eerdereFactor: (n: number, counted: number) =>
      `${n === 1 ? '1 eerdere melding' : `${n} eerdere meldingen`} over dit huishouden in de 24 maanden ervoor (radar${n > counted ? `; ${counted} tellen mee` : ''})`,
    structureel: (list: string) => `structurele zorgen (${list})`,
    meervoudig: (list: string) => `meervoudige problemen (${list})`,
    rules: {
      acuut: (facts: string) => `Acute onveiligheid (${facts}): direct naar het crisisteam; binnen 24 uur moet er iets gebeuren.`,
      eergerelateerd: (vormen: string) => `Vermoeden van eergerelateerd geweld (${vormen})`,
      mensenhandel: (vormen: string) => `vermoeden van mensenhandel (${vormen})`,
      mdo_specialistisch: (what: string) => `${what}: naar het MDO, nooit rechtstreeks naar het wijkteam; eerst een risicotaxatie en de specialistische keten.`,
      mdo_context: (facts: string) => `${facts}: Veilig Thuis houdt de regie en het MDO kiest tussen onderzoek en Voorwaarden en vervolg.`,
      mdo_herhaald: (n: string, zorgen: string) => `${n} in 24 maanden en ${zorgen}: naar het MDO.`,
      hulpverlening: (zorgen: string) => `Er is al een professional betrokken en het huishouden werkt mee, bij ${zorgen}: overdracht aan de betrokken hulpverlening.`,
      wijkteam: (zorgen: string) => `${zorgen}: overdracht aan het wijkteam van de gemeente.`,
      afsluiten: 'Geen acute onveiligheid, structurele zorgen of meervoudige problemen gemeld: afsluiten of omzetten in advies.',
    },
    aandachtspunten: {
      eergerelateerd:
        'Eergerelateerd geweld: raadpleeg het Landelijk Expertisecentrum Eergerelateerd Geweld (LEC EGG) en vraag de politie om een risicotaxatie. Benader de ouders of de familie niet voordat die er is.',
      mensenhandel:
        'Mensenhandel: raadpleeg de regionale coördinator mensenhandel en meld het slachtoffer aan bij CoMensha (met toestemming, of geanonimiseerd).',
    },
    specialisme: { eergerelateerd: 'Eergerelateerd geweld', mensenhandel: 'Mensenhandel' },
    vormen: {
      eergerelateerd_geweld: 'eergerelateerd geweld',
      huwelijksdwang: 'huwelijksdwang',
      achterlating: 'achterlating',
      vgv: 'vrouwelijke genitale verminking',
      mensenhandel_seksueel: 'seksuele uitbuiting',
      mensenhandel_arbeid: 'arbeidsuitbuiting',
      mensenhandel_crimineel: 'criminele uitbuiting',
      mensenhandel_overig: 'overige uitbuiting',
    } as Record<string, string>,
  },
  en: {
    en: 'and',
    eerdere: (n: number) => (n === 1 ? '1 earlier report' : `${n} earlier reports`),
    eerdereFactor: (n: number, counted: number) =>
      `${n === 1 ? '1 earlier report' : `${n} earlier reports`} about this household in the 24 months before (radar${n > counted ? `; ${counted} count` : ''})`,
    structureel: (list: string) => `structural concerns (${list})`,
    meervoudig: (list: string) => `multiple problems (${list})`,
    rules: {
      acuut: (facts: string) => `Acute danger (${facts}): straight to the crisis team; something must happen within 24 hours.`,
      eergerelateerd: (vormen: string) => `Suspected honour-related violence (${vormen})`,
      mensenhandel: (vormen: string) => `suspected human trafficking (${vormen})`,
      mdo_specialistisch: (what: string) => `${what}: to the MDO, never straight to the local team; first a risk assessment and the specialist chain.`,
      mdo_context: (facts: string) => `${facts}: Veilig Thuis keeps control and the MDO chooses between an investigation and conditions and follow-up.`,
      mdo_herhaald: (n: string, zorgen: string) => `${n} in 24 months and ${zorgen}: to the MDO.`,
      hulpverlening: (zorgen: string) => `A professional is already involved and the household cooperates, with ${zorgen}: handover to the care already involved.`,
      wijkteam: (zorgen: string) => `${zorgen}: handover to the local team of the municipality.`,
      afsluiten: 'No acute danger, structural concerns or multiple problems reported: close or turn into advice.',
    },
    aandachtspunten: {
      eergerelateerd:
        'Honour-related violence: consult the national expertise centre (LEC EGG) and ask the police for a risk assessment. Do not approach the parents or family before that.',
      mensenhandel: 'Human trafficking: consult the regional anti-trafficking coordinator and register the victim with CoMensha (with consent, or anonymised).',
    },
    specialisme: { eergerelateerd: 'Honour-related violence', mensenhandel: 'Human trafficking' },
    vormen: {
      eergerelateerd_geweld: 'honour-related violence',
      huwelijksdwang: 'forced marriage',
      achterlating: 'abandonment abroad',
      vgv: 'female genital mutilation',
      mensenhandel_seksueel: 'sexual exploitation',
      mensenhandel_arbeid: 'labour exploitation',
      mensenhandel_crimineel: 'criminal exploitation',
      mensenhandel_overig: 'other exploitation',
    } as Record<string, string>,
  },
} as const;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "a", "a en b", "a, b en c". */
function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** The texts of a stored proposal, in Dutch (the contract's language) unless English is asked for. */
export function explainTriage(p: StoredProposal, m: MeldingFacts, lang: Lang = 'nl'): Explanation {
  const w = words[lang];
  const labels = triageLabels(lang);
  const indicator = (code: string) => labels.factoren[code] ?? code;
  const codes = new Set(p.factors.map((f) => f.code));
  const vormen = (list: readonly string[]) => joinList(m.geweldsvormen.filter((v) => list.includes(v)).map((v) => w.vormen[v] ?? v), w.en);
  const { maxCounted } = (POLICIES[p.rulesVersion] ?? policyV1).eerdereMelding;
  const counted = Math.min(p.eerdereMeldingen, maxCounted);

  const factors = p.factors.map((f) => {
    let tekst: string;
    if (f.code === 'eerdereMeldingen') tekst = w.eerdereFactor(p.eerdereMeldingen, counted);
    else if (f.code === 'eergerelateerd') tekst = `${w.specialisme.eergerelateerd}: ${vormen(eergerelateerdeVormen)}`;
    else if (f.code === 'mensenhandel') tekst = `${w.specialisme.mensenhandel}: ${vormen(mensenhandelVormen)}`;
    else tekst = capitalise(indicator(f.code));
    return { code: f.code, weight: f.weight, tekst };
  });
  const aandachtspunten = (['eergerelateerd', 'mensenhandel'] as const).filter((c) => codes.has(c)).map((code) => ({ code, tekst: w.aandachtspunten[code] }));

  // The facts a rule may cite: those in the proposal's factors, and the melding's own context answers.
  const present = (list: readonly VeiligheidVraag[]) => list.filter((c) => codes.has(c)).map(indicator);
  const structural = present(structureleIndicatoren);
  const multi = present(multiProbleemIndicatoren);
  const zorgen = () => joinList([...(structural.length ? [w.structureel(joinList(structural, w.en))] : []), ...(multi.length ? [w.meervoudig(joinList(multi, w.en))] : [])], w.en);
  const context = contextIndicatoren
    .filter((c) => c !== 'professionalBetrokken' && c !== 'huishoudenWerktMee')
    .filter((c) => m.veiligheid[c] === true || (c === 'anonimiteitToegezegd' && m.anoniemNaarHuishouden))
    .map(indicator);

  let uitleg: string;
  switch (p.routeRule) {
    case 'acuut':
      uitleg = w.rules.acuut(joinList(present(acuteIndicatoren), w.en));
      break;
    case 'mdo_specialistisch': {
      const what = [
        ...(codes.has('eergerelateerd') ? [w.rules.eergerelateerd(vormen(eergerelateerdeVormen))] : []),
        ...(codes.has('mensenhandel') ? [w.rules.mensenhandel(vormen(mensenhandelVormen))] : []),
      ];
      uitleg = w.rules.mdo_specialistisch(capitalise(joinList(what, w.en)));
      break;
    }
    case 'mdo_context':
      uitleg = w.rules.mdo_context(capitalise(joinList(context, w.en)));
      break;
    case 'mdo_herhaald':
      uitleg = w.rules.mdo_herhaald(w.eerdere(p.eerdereMeldingen), w.structureel(joinList(structural, w.en)));
      break;
    case 'hulpverlening':
      uitleg = w.rules.hulpverlening(zorgen());
      break;
    case 'wijkteam':
      uitleg = w.rules.wijkteam(capitalise(zorgen()));
      break;
    default:
      uitleg = w.rules.afsluiten;
  }
  return { factors, aandachtspunten, uitleg };
}
