// Shapes of the werkvoorraad routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { bands, klokken, meldingStatussen, routes, urgencies } from '@vt/db/domain';
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
});
