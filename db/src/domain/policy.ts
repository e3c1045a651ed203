// "Triage policy v1" and "Triage policy v2" (domain.md) as data: weights, thresholds and route rules, versioned as
// rulesVersion. A new policy is a new object with a new version; the pure triage function takes whichever it is given,
// and a proposal keeps the version it was made with (both stay loadable: POLICIES).
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { aandachtspunten, acuteIndicatoren, contextIndicatoren, geweldsvormen, multiProbleemIndicatoren, routes, structureleIndicatoren } from './codes.ts';

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
        /** Every one of these indicators holds (v2: the hulpverlening rule). */
        allOf: Type.Optional(Type.Array(Indicator)),
        /** The result carries an attention point (v2: specialist forms of violence). */
        aandachtspunt: Type.Optional(Type.Boolean()),
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
    /**
     * v2: factors from the melding's geweldsvormen, each weighed once and carrying its attention point (domain.md,
     * "What v2 changes" 1). Absent in v1.
     */
    specialisme: Type.Optional(
      Type.Array(
        Type.Object(
          { code: Type.Enum([...aandachtspunten]), weight: Weight, geweldsvormen: Type.Array(Type.Enum([...geweldsvormen]), { minItems: 1 }) },
          { additionalProperties: false },
        ),
      ),
    ),
    /** v2: a vermoedelijke pleger is never the child at risk (change 5). v1 counted every betrokkene under 18. */
    plegerNietHetKind: Type.Optional(Type.Boolean()),
    /** Non-acute bands by minimum score, highest first; the last band has min 0. */
    bands: Type.Array(Type.Object({ band: Type.Enum(['P2', 'P3', 'P4']), min: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), { minItems: 1 }),
    /** Route rules in order; the first that matches wins. The last must match always. */
    routeRules: Type.Array(RouteRule, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type TriagePolicy = Static<typeof TriagePolicySchema>;
export type RouteRule = Static<typeof RouteRule>;

// The versions themselves are plain data in policies.ts (no schema code), so the web app can read them too.
export { POLICIES, policyV1, policyV2, policyVersions } from './policies.ts';

/** Validates a policy from a file or table; throws one readable error. */
export function loadPolicy(raw: unknown): TriagePolicy {
  if (!Value.Check(TriagePolicySchema, raw)) {
    const first = [...Value.Errors(TriagePolicySchema, raw)][0];
    throw new Error(`invalid triage policy at ${first?.instancePath || '/'}: ${first?.message ?? 'does not match the schema'}`);
  }
  const p = raw as TriagePolicy;
  if (p.bands.at(-1)!.min !== 0) throw new Error('invalid triage policy: the lowest band must start at 0');
  const last = p.routeRules.at(-1)!;
  if (last.when.acuut || last.when.anyOf || last.when.allOf || last.when.aandachtspunt || last.when.minEerdereMeldingen) throw new Error('invalid triage policy: the last route rule must match every melding');
  return p;
}
