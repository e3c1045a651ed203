// The triage policies as data (domain.md, "Triage policy v1" and "Triage policy v2"), checked against
// TriagePolicySchema in policy.ts by the tests. Plain objects without schema code: the server, the workers and the web
// app (the algorithm register, the explanation texts) all read them.
import { eergerelateerdeVormen, mensenhandelVormen, multiProbleemIndicatoren, structureleIndicatoren } from './codes.ts';
import type { TriagePolicy } from './policy.ts';

export const policyV1: TriagePolicy = {
  rulesVersion: 'v1',
  acuteWeight: 40,
  persons: { kindJongerDan4: 15, kindJongerDan18: 10, slachtoffer65Plus: 10 },
  indicatorWeights: {
    herhaaldGeweld: 10,
    dwingendeControle: 10,
    kindGetuige: 10,
    verwaarlozing: 8,
    zorgafhankelijk: 8,
    stalking: 6,
    financieleUitbuiting: 5,
    verslaving: 4,
    psychiatrie: 4,
    schulden: 3,
    huisvesting: 3,
    isolement: 3,
  },
  eerdereMelding: { weight: 5, maxCounted: 3 },
  maxPriority: 100,
  bands: [
    { band: 'P2', min: 40 },
    { band: 'P3', min: 20 },
    { band: 'P4', min: 0 },
  ],
  routeRules: [
    { id: 'acuut', route: 'crisisteam', when: { acuut: true } },
    { id: 'mdo_context', route: 'mdo', when: { anyOf: ['onduidelijkOfGeweld', 'ontkenningOfWeigering', 'onvoldoendeInformatie', 'anonimiteitToegezegd'] } },
    { id: 'mdo_herhaald', route: 'mdo', when: { anyOf: [...structureleIndicatoren], minEerdereMeldingen: 2 } },
    { id: 'wijkteam', route: 'wijkteam', when: { anyOf: [...structureleIndicatoren, ...multiProbleemIndicatoren] } },
    { id: 'afsluiten', route: 'afsluiten', when: {} },
  ],
};

/**
 * "Triage policy v2": v1 with the specialist forms of violence as inputs and their mdo rule right after the acute
 * rule, the hulpverlening route before the wijkteam, and the pleger not counted as the child at risk.
 */
export const policyV2: TriagePolicy = {
  ...policyV1,
  indicatorWeights: { ...policyV1.indicatorWeights },
  rulesVersion: 'v2',
  specialisme: [
    { code: 'eergerelateerd', weight: 15, geweldsvormen: [...eergerelateerdeVormen] },
    { code: 'mensenhandel', weight: 15, geweldsvormen: [...mensenhandelVormen] },
  ],
  plegerNietHetKind: true,
  routeRules: [
    { id: 'acuut', route: 'crisisteam', when: { acuut: true } },
    { id: 'mdo_specialistisch', route: 'mdo', when: { aandachtspunt: true } },
    { id: 'mdo_context', route: 'mdo', when: { anyOf: ['onduidelijkOfGeweld', 'ontkenningOfWeigering', 'onvoldoendeInformatie', 'anonimiteitToegezegd'] } },
    { id: 'mdo_herhaald', route: 'mdo', when: { anyOf: [...structureleIndicatoren], minEerdereMeldingen: 2 } },
    {
      id: 'hulpverlening',
      route: 'hulpverlening',
      when: { allOf: ['professionalBetrokken', 'huishoudenWerktMee'], anyOf: [...structureleIndicatoren, ...multiProbleemIndicatoren] },
    },
    { id: 'wijkteam', route: 'wijkteam', when: { anyOf: [...structureleIndicatoren, ...multiProbleemIndicatoren] } },
    { id: 'afsluiten', route: 'afsluiten', when: {} },
  ],
};

/** Every version ever active, by rulesVersion: a stored proposal is explained and compared with its own. */
export const POLICIES: Readonly<Record<string, TriagePolicy>> = { v1: policyV1, v2: policyV2 };
export const policyVersions = Object.keys(POLICIES);
