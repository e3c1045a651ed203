// Shapes of the mdo routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { bands, mdoBesluiten } from '@vt/db/domain';
import { Type } from 'typebox';
import { DateTime, Id, IsoDate, Nullable, codeEnum } from './common.ts';

export const Besluit = codeEnum(mdoBesluiten);

export const Agendapunt = Type.Object({
  meldingId: Id,
  reference: Type.String(),
  band: Nullable(codeEnum(bands)),
  gemeente: Type.String(),
  routeRule: Nullable(Type.String()),
  besluit: Nullable(Besluit),
  toelichting: Nullable(Type.String()),
  eigenaar: Nullable(Id),
  besluitAt: Nullable(DateTime),
});

export const Mdo = Type.Object({
  id: Id,
  datum: IsoDate,
  deelnemers: Type.Array(Type.Object({ id: Id, naam: Type.String(), roles: Type.Array(Type.String()) })),
  agenda: Type.Array(Agendapunt),
});
