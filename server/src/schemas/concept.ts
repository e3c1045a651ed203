// The drafts of the advies and melding forms (issue #16).
import { Type } from 'typebox';
import { DateTime } from './common.ts';

export const ConceptSleutel = Type.String({
  pattern: '^(advies|melding|melding-van-advies-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$',
  description: '`advies`, `melding`, or `melding-van-advies-<advies id>` for the melding that continues an advies',
});
export const ConceptParams = Type.Object({ sleutel: ConceptSleutel }, { additionalProperties: false });

/** What the form holds; the server keeps it sealed and gives it back as it was sent. */
export const ConceptInhoud = Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 40 });
export const ConceptBody = Type.Object({ inhoud: ConceptInhoud }, { additionalProperties: false });

export const ConceptMeta = Type.Object({ sleutel: ConceptSleutel, updatedAt: DateTime, expiresAt: DateTime });
export const Concept = Type.Object({ sleutel: ConceptSleutel, inhoud: ConceptInhoud, updatedAt: DateTime, expiresAt: DateTime });
export const ConceptList = Type.Object({ items: Type.Array(ConceptMeta) });
