// Shapes of the vernietiging routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { Type } from 'typebox';
import { DateTime, Id, Nullable } from './common.ts';

export const Reden = Type.String({ minLength: 10, maxLength: 2000 });

export const Verzoek = Type.Object({
  id: Id,
  meldingId: Id,
  reference: Type.String(),
  reden: Type.String(),
  requestedBy: Type.Object({ id: Id, naam: Type.String() }),
  requestedAt: DateTime,
  status: Type.Union([Type.Literal('aangevraagd'), Type.Literal('toegewezen'), Type.Literal('afgewezen')]),
  besluitReden: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  executedAt: Nullable(DateTime),
});
