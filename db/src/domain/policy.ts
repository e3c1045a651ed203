// "Triage policy v1" (domain.md) as data: weights, thresholds and route rules, versioned as rulesVersion.
// A new policy is a new object with a new version; the pure triage function takes whichever it is given.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { acuteIndicatoren, contextIndicatoren, multiProbleemIndicatoren, routes, structureleIndicatoren } from './codes.ts';

const Weight = Type.Integer({ minimum: 0, maximum: 100 });
const Indicator = Type.Enum([...acuteIndicatoren, ...structureleIndicatoren, ...multiProbleemIndicatoren, ...contextIndicatoren]);

const RouteRule = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    route: Type.Enum([...routes]),
    when: Type.Object(
      {
        /** The urgency must be acuut. */
        acuut: Type.Optional(Type.Boolean()),
        /** At least one of these indicators holds. */
        anyOf: Type.Optional(Type.Array(Indicator)),
        /** At least this many earlier meldingen (radar). */
        minEerdereMeldingen: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const TriagePolicySchema = Type.Object(
  {
    rulesVersion: Type.String({ minLength: 1 }),
    acuteWeight: Weight,
    persons: Type.Object(
      { kindJongerDan4: Weight, kindJongerDan18: Weight, slachtoffer65Plus: Weight },
      { additionalProperties: false },
    ),
    /** Weight per structural or multi-problem indicator; indicators not listed weigh nothing. */
    indicatorWeights: Type.Record(Type.String(), Weight),
    eerdereMelding: Type.Object({ weight: Weight, maxCounted: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
    maxPriority: Type.Integer({ minimum: 1 }),
    /** Non-acute bands by minimum score, highest first; the last band has min 0. */
    bands: Type.Array(Type.Object({ band: Type.Enum(['P2', 'P3', 'P4']), min: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), { minItems: 1 }),
    /** Route rules in order; the first that matches wins. The last must match always. */
    routeRules: Type.Array(RouteRule, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type TriagePolicy = Static<typeof TriagePolicySchema>;
export type RouteRule = Static<typeof RouteRule>;

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

/** Validates a policy from a file or table; throws one readable error. */
export function loadPolicy(raw: unknown): TriagePolicy {
  if (!Value.Check(TriagePolicySchema, raw)) {
    const first = [...Value.Errors(TriagePolicySchema, raw)][0];
    throw new Error(`invalid triage policy at ${first?.instancePath || '/'}: ${first?.message ?? 'does not match the schema'}`);
  }
  const p = raw as TriagePolicy;
  if (p.bands.at(-1)!.min !== 0) throw new Error('invalid triage policy: the lowest band must start at 0');
  const last = p.routeRules.at(-1)!;
  if (last.when.acuut || last.when.anyOf || last.when.minEerdereMeldingen) throw new Error('invalid triage policy: the last route rule must match every melding');
  return p;
}
