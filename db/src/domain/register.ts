// The entry of a triage policy version in the Dutch Algoritmeregister's terms (naam, doel, werking, menselijke
// tussenkomst, gegevens, risico's en maatregelen), generated from the policy data itself: weights, thresholds and
// route rules are read from the version, so the description can never drift from what the worker computes.
// https://algoritmes.overheid.nl (the register's fields); the policy: domain.md, "Triage policy v1/v2".
import { acuteIndicatoren, contextIndicatoren, multiProbleemIndicatoren, structureleIndicatoren } from './codes.ts';
import { factorLabelsNl, routeRuleLabelsNl, veiligheidVraagLabelsNl } from './labels.ts';
import type { TriagePolicy } from './policy.ts';

export interface RegisterEntry {
  versie: string;
  naam: string;
  doel: string;
  werking: { tekst: string; gewichten: { factor: string; gewicht: number }[]; banden: string[]; routeRegels: string[] };
  menselijkeTussenkomst: string;
  gegevens: string[];
  risicosEnMaatregelen: { risico: string; maatregel: string }[];
}

const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`);
const label = (code: string) => veiligheidVraagLabelsNl[code as keyof typeof veiligheidVraagLabelsNl]?.label.toLowerCase() ?? factorLabelsNl[code] ?? code;

export function registerEntry(p: TriagePolicy): RegisterEntry {
  const gewichten = [
    ...acuteIndicatoren.map((c) => ({ factor: `${label(c)} (acuut)`, gewicht: p.acuteWeight })),
    { factor: factorLabelsNl.kindJongerDan4!, gewicht: p.persons.kindJongerDan4 },
    { factor: `anders een ${factorLabelsNl.kindJongerDan18!}`, gewicht: p.persons.kindJongerDan18 },
    { factor: factorLabelsNl.slachtoffer65Plus!, gewicht: p.persons.slachtoffer65Plus },
    ...[...structureleIndicatoren, ...multiProbleemIndicatoren].filter((c) => p.indicatorWeights[c]).map((c) => ({ factor: label(c), gewicht: p.indicatorWeights[c]! })),
    ...(p.specialisme ?? []).map((s) => ({ factor: `${factorLabelsNl[s.code]} (eenmaal)`, gewicht: s.weight })),
    { factor: `elke eerdere melding over het huishouden in 24 maanden, hoogstens ${p.eerdereMelding.maxCounted}`, gewicht: p.eerdereMelding.weight },
  ];
  const banden = [
    'P1: elke melding met een acute aanwijzing',
    ...p.bands.map((b, i) => {
      const prev = p.bands[i - 1];
      const range = !prev ? `${b.min} of hoger` : b.min === 0 ? `onder ${prev.min}` : `${b.min} tot ${prev.min}`;
      return `${b.band}: niet acuut, score ${range}`;
    }),
  ];
  const routeRegels = p.routeRules.map((r, i) => `${i + 1}. ${routeRuleLabelsNl[r.id] ?? r.id}`);
  const specialist = p.specialisme?.length
    ? ` ${list(p.specialisme.map((s) => `${factorLabelsNl[s.code]} weegt ${s.weight} punten`))
        .replace(/^./, (c) => c.toUpperCase())} (uit de vormen van geweld, eenmaal), elk met een aandachtspunt: wat het specialisme van de beoordelaar vraagt.`
    : '';
  const pleger = p.plegerNietHetKind ? ' Een vermoedelijke pleger telt nooit als het kind in gevaar.' : '';
  return {
    versie: p.rulesVersion,
    naam: `Triagevoorstel Veilig Thuis, versie ${p.rulesVersion}`,
    doel:
      'Elke melding direct een voorstel geven voor de veiligheidsbeoordeling: is er acute onveiligheid, hoe dringend is de melding (band P1 tot en met P4) en welke route ligt voor de hand. Zo komt een acute melding meteen bij het crisisteam en ziet de chef van de dag welke melding het eerst aandacht vraagt.',
    werking: {
      tekst: `Een vaste rekenregel, geen lerend model. Elke aanwijzing die de melding noemt telt met een vast gewicht mee in een score van 0 tot ${p.maxPriority}; de score bepaalt de band. De route volgt uit de eerste regel die past.${specialist}${pleger} Het voorstel noemt elke factor en de reden van de route in gewone woorden.`,
      gewichten,
      banden,
      routeRegels,
    },
    menselijkeTussenkomst:
      'Het is een voorstel, nooit een besluit. Een beoordelaar of de chef van de dag bevestigt het of wijkt ervan af met een geschreven reden; band en route van het besluit gelden daarna op elk scherm. Een acute melding gaat direct naar het crisisteam, de bevestiging volgt. Afwijkingen worden per regel, band, team en gemeente geteld en een regel die vaak wordt overruled komt ter herziening.',
    gegevens: [
      `Antwoorden op de veiligheidsvragen van de melding: ${list([...acuteIndicatoren, ...structureleIndicatoren, ...multiProbleemIndicatoren, ...contextIndicatoren].map(label))}.`,
      'Van de betrokkenen alleen de rol en de leeftijd op de dag van ontvangst (uit de geboortedatum); geen namen.',
      ...(p.specialisme?.length ? ['De vormen van geweld die de melding noemt (eergerelateerd geweld, huwelijksdwang, achterlating, vrouwelijke genitale verminking, mensenhandel).'] : []),
      'Het aantal eerdere meldingen over hetzelfde huishouden in de 24 maanden ervoor (radar: zelfde adres of zelfde persoon), berekend, nooit ingetypt.',
      'Of de melder anonimiteit naar het huishouden is beloofd.',
    ],
    risicosEnMaatregelen: [
      {
        risico: 'Een melding krijgt een te lage band doordat de melder een aanwijzing niet noemt.',
        maatregel: 'De beoordelaar ziet de melding zelf en wijkt af met een reden; nieuwe informatie (aanvulling) laat de triage opnieuw lopen.',
      },
      {
        risico: 'Ongelijke behandeling van groepen (leeftijd van het jongste kind, soort melder, gemeente).',
        maatregel: 'Managers zien per periode de voorgestelde en besloten banden per groep en de afwijkingen per regel; een versie wordt vóór invoering op opgeslagen meldingen vergeleken met de vorige.',
      },
      {
        risico: 'Een gespecialiseerde vorm van geweld wordt als gewone zorg overgedragen.',
        maatregel: p.specialisme?.length
          ? 'Eergerelateerd geweld en mensenhandel gaan altijd naar het MDO, met aandachtspunten voor de beoordelaar.'
          : 'Geen in deze versie; versie v2 stuurt deze meldingen naar het MDO.',
      },
      {
        risico: 'Een voorstel is achteraf niet meer te verklaren.',
        maatregel: 'Elk voorstel bewaart zijn versie, factoren en regel; beide versies blijven laadbaar en de teksten worden uit die gegevens gemaakt.',
      },
    ],
  };
}
