// The shapes of the HTTP contract (api.md) that the domain's own inputs are made of: the primitive fields and the body
// of a melding (POST /api/meldingen, POST /api/adviezen/:id/melding). The server validates requests against them
// (and documents them in the OpenAPI document); the repositories take `MeldingInput`, the same type, so the two
// cannot drift. TypeBox only, like the rest of the domain.
import { Type, type Static, type TSchema } from 'typebox';
import { type MeldingKanaal, aangeleverdeKanalen, beroepen, betrokkeneRollen, duurGeweld, geweldsvormen, melderRollen, melderTypes, sectoren, veiligheidVragen } from './codes.ts';

export const Id = Type.String({ format: 'uuid', description: 'Identifier (UUID)' });
export const IsoDate = Type.String({ format: 'date', description: 'Europe/Amsterdam calendar date, YYYY-MM-DD' });
export const DateTime = Type.String({ format: 'date-time', description: 'ISO-8601 time with offset' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Text = (maxLength: number, extra: { minLength?: number; description?: string } = {}) =>
  Type.String({ maxLength, ...extra });
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const Phone = Type.String({ minLength: 6, maxLength: 30, pattern: '^[+0-9 ()-]+$' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const GemeenteCode = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeente code, e.g. GM0153' });
export const Postcode = Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$', description: 'Dutch postcode, 7511 AB or 7511AB' });
export const Huisnummer = Type.String({ pattern: '^[0-9]{1,5} ?[A-Za-z0-9-]{0,6}$', description: 'House number with optional addition, e.g. 12 or 12a' });

export const codeEnum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const GeweldsvormenList = Type.Array(codeEnum(geweldsvormen), { maxItems: geweldsvormen.length, uniqueItems: true });

export const Melder = Type.Object(
  {
    type: codeEnum(melderTypes),
    rol: Type.Optional(codeEnum(melderRollen)),
    sector: Type.Optional(codeEnum(sectoren, 'The organisation group (CBS 84849NED); for a professional')),
    beroep: Type.Optional(codeEnum(beroepen, "The professional's occupation (CBS 84849NED, Beroep)")),
    duurGeweld: Type.Optional(codeEnum(duurGeweld, 'How long the violence has gone on, as the melder says (CBS 84849NED, Duur geweld)')),
    naam: Name,
    organisatie: Type.Optional(Text(200)),
    telefoon: Type.Optional(Phone),
    email: Type.Optional(Email),
    anoniemNaarHuishouden: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const Huishouden = Type.Object(
  {
    adres: Type.Object(
      {
        straat: Type.String({ minLength: 1, maxLength: 200 }),
        huisnummer: Huisnummer,
        postcode: Postcode,
        plaats: Type.String({ minLength: 1, maxLength: 100 }),
      },
      { additionalProperties: false },
    ),
    gemeente: GemeenteCode,
  },
  { additionalProperties: false },
);

export const Betrokkene = Type.Object(
  {
    rol: codeEnum(betrokkeneRollen),
    voornaam: Name,
    achternaam: Name,
    geboortedatum: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const Veiligheid = Type.Object(
  Object.fromEntries(veiligheidVragen.map((v) => [v, Type.Optional(Type.Boolean())])) as Record<
    (typeof veiligheidVragen)[number],
    ReturnType<typeof Type.Optional<ReturnType<typeof Type.Boolean>>>
  >,
  { additionalProperties: false, description: 'The veiligheidsbeoordeling answers; absent means false' },
);

export const MeldingBody = Type.Object(
  {
    receivedAt: Type.Optional(DateTime),
    kanaal: codeEnum(aangeleverdeKanalen),
    melder: Melder,
    huishouden: Huishouden,
    betrokkenen: Type.Array(Betrokkene, { minItems: 1, maxItems: 30 }),
    geweldsvormen: GeweldsvormenList,
    veiligheid: Type.Optional(Veiligheid),
    toelichting: Type.Optional(Text(10_000)),
  },
  { additionalProperties: false, $id: 'MeldingBody' },
);
export type MeldingBody = Static<typeof MeldingBody>;

/** A melding as it comes in: what insertMelding stores (the online melding's kanaal `web` included). */
export type MeldingInput = Omit<MeldingBody, 'kanaal'> & { kanaal: MeldingKanaal };
