// Shapes of the accounts routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { rolAanvraagStatussen, roles } from '@vt/db/domain';
import { Type } from 'typebox';
import { DateTime, GemeenteCode, Id, Nullable, codeEnum } from './common.ts';

export const Roles = Type.Array(codeEnum(roles), { minItems: 1, maxItems: 4, uniqueItems: true });

export const AdminUser = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  /** Roles asked for that wait for a second person's approval. */
  rollenAangevraagd: Type.Array(Type.String()),
  teamId: Nullable(Id),
  otherTeamIds: Type.Array(Id),
  gemeente: Nullable(Type.String()),
  disabledAt: Nullable(DateTime),
  /** Whether the user set a password with the activation link. */
  geactiveerd: Type.Boolean(),
  /** Whether the account has an authenticator app (TOTP) switched on. */
  tweestaps: Type.Boolean(),
});

export const RolAanvraag = Type.Object({
  id: Id,
  user: Type.Object({ id: Id, naam: Type.String(), email: Type.String(), roles: Type.Array(Type.String()) }),
  roles: Type.Array(Type.String()),
  requestedBy: Type.Object({ id: Id, naam: Type.String() }),
  requestedAt: DateTime,
  status: codeEnum(rolAanvraagStatussen),
  decidedBy: Nullable(Type.Object({ id: Id, naam: Type.String() })),
  decidedAt: Nullable(DateTime),
  reden: Nullable(Type.String()),
});

export const AccountBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    naam: Type.String({ minLength: 2, maxLength: 200 }),
    roles: Roles,
    teamId: Type.Optional(Id),
    otherTeamIds: Type.Optional(Type.Array(Id, { maxItems: 5, uniqueItems: true })),
    gemeente: Type.Optional(GemeenteCode),
  },
  { additionalProperties: false },
);
