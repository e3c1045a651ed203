// Shapes of the werkvoorraad routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { bands, klokken, meldingStatussen, routes, teamKinds, urgencies } from '@vt/db/domain';
import { Type } from 'typebox';
import { DateTime, Id, Nullable, codeEnum } from './common.ts';

export const Item = Type.Object({
  id: Id,
  reference: Type.String(),
  band: Nullable(codeEnum(bands)),
  priority: Nullable(Type.Integer()),
  urgency: Nullable(codeEnum(urgencies)),
  route: Nullable(codeEnum(routes)),
  status: codeEnum(meldingStatussen),
  receivedAt: DateTime,
  dueAt: DateTime,
  /** Which clock `dueAt` is (the step the case is in: domain/deadlines.ts). */
  klok: Nullable(codeEnum(klokken)),
  werkdagenWachtend: Type.Integer(),
  gemeente: Type.String(),
  assignedTo: Type.Array(Id),
  /** The kind of team that holds the case now (the dagstart across teams shows it). */
  team: Type.Optional(Nullable(codeEnum(teamKinds))),
  /** The latest handover was sent back by the wijkteam (the case is in the queue again because of it). */
  teruggestuurd: Type.Optional(Type.Boolean()),
});
