// The online melding for professionals (issue #20; api.md "Meldingen from outside"): the meldcode's steps in the
// order a professional walks them — what they saw, whom it concerns, the afwegingskader's two questions, who they
// are, whether the family knows, and the safety questions in plain words.
import { Type, type Static } from 'typebox';
import { beroepen, gezinWeetOpties, sectoren, terugkoppelMomenten } from '@vt/db/domain';
import { Betrokkene, GeweldsvormenList, Huishouden, Veiligheid } from '@vt/db/domain/contract';
import { codeEnum, DateTime, Email, Name, Phone, Text } from './common.ts';

/** A public melding is small: 64 KiB holds the longest texts the form allows, with room to spare. */
export const PUBLIEK_BODY_LIMIT = 64 * 1024;

export const PubliekeMeldingBody = Type.Object(
  {
    gezien: Text(10_000, { minLength: 20, description: 'What the professional saw or heard, in their own words (meldcode step 1)' }),
    huishouden: Huishouden,
    betrokkenen: Type.Array(Betrokkene, { minItems: 1, maxItems: 15 }),
    geweldsvormen: GeweldsvormenList,
    afweging: Type.Object(
      {
        onveiligheid: Type.Boolean({ description: 'Afwegingskader 1: a suspicion of acute or structural unsafety' }),
        zelfHulp: Type.Boolean({ description: 'Afwegingskader 2: the professional can organise sufficient help themselves' }),
      },
      { additionalProperties: false },
    ),
    melder: Type.Object(
      {
        naam: Name,
        organisatie: Type.String({ minLength: 2, maxLength: 200 }),
        sector: codeEnum(sectoren),
        beroep: Type.Optional(codeEnum(beroepen)),
        telefoon: Phone,
        email: Email,
        anoniemNaarHuishouden: Type.Boolean({ description: 'Only where the professional’s own safety is at stake' }),
      },
      { additionalProperties: false },
    ),
    gezinWeet: codeEnum(gezinWeetOpties),
    waaromNiet: Type.Optional(Text(2_000, { description: 'Why the family does not know (required when the answer is nee)' })),
    veiligheid: Type.Optional(Veiligheid),
    /** From GET /api/publiek/formulier: when the form was opened (a filled-in form takes more than a few seconds). */
    formulier: Type.String({ minLength: 10, maxLength: 200 }),
    /** Left empty by people; a field hidden from them that robots fill in. */
    website: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PubliekeMeldingBody = Static<typeof PubliekeMeldingBody>;

/** A status link's token: shown once, here; only its hash is kept. The page is `/status/<token>`. */
export const StatusLink = Type.Object({
  token: Type.String({ description: 'The token of the melder’s status page /status/<token>: shown once, stored hashed' }),
  geldigTot: DateTime,
});

/** A token as the status page sends it: 32 random bytes in base64url (43 characters), and nothing else gets through. */
export const StatusParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }, { additionalProperties: false });

export const MelderStatus = Type.Object({
  reference: Type.String(),
  ontvangenOp: DateTime,
  fase: codeEnum(['ontvangen', 'vervolg', 'afgesloten'] as const, 'ontvangen; veiligheidsbeoordeling gedaan, er is een vervolg; afgesloten'),
  geldigTot: DateTime,
  berichten: Type.Array(Type.Object({ moment: codeEnum(terugkoppelMomenten), op: DateTime, tekst: Type.String() }), { description: 'The terugkoppeling messages the case workers wrote to the melder, oldest first' }),
});

export const PubliekeMeldingOntvangen = Type.Object({
  reference: Type.String({ description: 'The melding’s reference, for the melder’s own file' }),
  ontvangenOp: DateTime,
  bevestigen: Type.String({ description: 'Where the confirmation link went (the address, partly hidden)' }),
  status: StatusLink,
});

export const Formulier = Type.Object({
  formulier: Type.String(),
  minSeconden: Type.Integer(),
  /** The region's gemeenten, for the household's address (the public form has no session to ask GET /api/gemeenten). */
  gemeenten: Type.Array(Type.Object({ code: Type.String(), naam: Type.String() })),
});

export const BevestigenBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) }, { additionalProperties: false });
export const Bevestigd = Type.Object({ reference: Type.String(), bevestigdOp: DateTime });
