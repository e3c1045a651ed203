// Partner systems' API clients as the beheerder manages them (issue #20). A key is shown once, when it is made.
import { Type, type Static } from 'typebox';
import { aangeleverdeKanalen } from '@vt/db/domain';
import { partnerScopes } from '../authz.ts';
import { codeEnum, DateTime, Id, Nullable } from './common.ts';

export const PartnerBody = Type.Object(
  {
    naam: Type.String({ minLength: 3, maxLength: 120, description: 'Who the partner is, e.g. "Politie Oost-Nederland, ketenkoppeling"' }),
    scopes: Type.Array(codeEnum(partnerScopes), { minItems: 1, uniqueItems: true, description: 'What it may do: file meldingen one by one, and/or in bulk (ketenberichten)' }),
    kanalen: Type.Array(codeEnum(aangeleverdeKanalen), { minItems: 1, uniqueItems: true, description: 'The kanalen its meldingen may name' }),
  },
  { additionalProperties: false },
);
export type PartnerBody = Static<typeof PartnerBody>;

export const PartnerSleutel = Type.Object({
  id: Id,
  prefix: Nullable(Type.String({ description: 'The first characters of the key, to tell keys apart (null for a key made before issue #20)' })),
  createdAt: DateTime,
  expiresAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
  lastUsedAt: Nullable(DateTime),
  geldig: Type.Boolean({ description: 'Accepted now' }),
});

export const Partner = Type.Object({
  id: Id,
  naam: Type.String(),
  scopes: Type.Array(Type.String()),
  kanalen: Nullable(Type.Array(codeEnum(aangeleverdeKanalen), { description: 'null: any kanaal (a client made before issue #20)' })),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
  sleutels: Type.Array(PartnerSleutel),
});
export type Partner = Static<typeof Partner>;

export const PartnerMetSleutel = Type.Object({
  partner: Partner,
  sleutel: Type.String({ description: 'The new API key: shown this once, never again (only its hash is kept)' }),
});

export const RotatieBody = Type.Object(
  { overlapDagen: Type.Integer({ minimum: 0, maximum: 30, description: 'How long the keys before it keep working (0: they end now)' }) },
  { additionalProperties: false },
);

export const PartnerSleutelParams = Type.Object({ id: Id, sleutelId: Id }, { additionalProperties: false });
