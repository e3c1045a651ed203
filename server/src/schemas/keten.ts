// Chain messages in bulk from partner systems (api.md, "Meldingen from outside"). The batch's own shape is checked
// here; each message's melding is checked on its own in the route, so one bad message never fails the others.
import { Type, type Static } from 'typebox';
import { ketenberichtResultaten } from '@vt/db/domain';
import { ITEMS_CHECKED } from '../plugins/external/validation.ts';
import { codeEnum, DateTime, Id } from './common.ts';

export const MAX_KETENBERICHTEN = 500;

/** The partner's own message id: what it uses to recognise the message (its system's key), 1–128 plain characters. */
export const BERICHT_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:/-]*$';
export const BerichtId = Type.String({ minLength: 1, maxLength: 128, pattern: BERICHT_ID_PATTERN, description: "The partner system's id of the message, unique per partner" });

export const KetenberichtenBody = Type.Object(
  {
    berichten: Type.Array(
      Type.Unknown({ description: '`{ berichtId, melding }`: the message id and a melding body as for POST /api/meldingen (checked per message)' }),
      { minItems: 1, maxItems: MAX_KETENBERICHTEN },
    ),
  },
  { additionalProperties: false, [ITEMS_CHECKED]: true },
);
export type KetenberichtenBody = Static<typeof KetenberichtenBody>;

/** One message as it must be, checked per message. */
export const Ketenbericht = Type.Object({ berichtId: BerichtId, melding: Type.Object({}, { additionalProperties: true }) }, { additionalProperties: false });

export const KetenberichtResultaat = Type.Object({
  berichtId: Type.Union([Type.String(), Type.Null()], { description: 'As sent (null when the message had none that could be read)' }),
  status: codeEnum(ketenberichtResultaten),
  meldingId: Type.Optional(Id),
  reference: Type.Optional(Type.String()),
  details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }), { description: 'Why it was rejected (or, with `dubbel`, that the replay differed from the first message)' })),
});
export type KetenberichtResultaat = Static<typeof KetenberichtResultaat>;

export const KetenberichtenResult = Type.Object({ resultaten: Type.Array(KetenberichtResultaat) });

export const KetenberichtStatus = Type.Object({
  ...KetenberichtResultaat.properties,
  berichtId: Type.String(),
  ontvangenOp: DateTime,
  bijgewerktOp: DateTime,
});

export const BerichtIdParams = Type.Object({ berichtId: BerichtId }, { additionalProperties: false });
