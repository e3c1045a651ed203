// Shapes of the lifecycle routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { overdrachtStatussen, voorwaardeStatussen } from '@vt/db/domain';
import { Hulpverlening } from './melding.ts';
import { Type } from 'typebox';
import { DateTime, Id, IsoDate, Nullable, codeEnum } from './common.ts';

export const Overdracht = Type.Object({
  id: Id,
  meldingId: Id,
  reference: Type.String(),
  gemeente: Type.String(),
  status: codeEnum(overdrachtStatussen),
  band: Nullable(Type.String()),
  toelichting: Type.String(),
  veiligheidsvoorwaarden: Nullable(Type.String()),
  /** Route hulpverlening: the professional already involved; null for a handover to a wijkteam. */
  hulpverlening: Nullable(Hulpverlening),
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
});

export const Voorwaarde = Type.Object({
  id: Id,
  controleOp: IsoDate,
  status: codeEnum(voorwaardeStatussen),
  escalated: Type.Boolean(),
});

export const Thv = Type.Object({ id: Id, opgelegdOp: IsoDate, eindigtOp: IsoDate, verlengdTotEnMet: Nullable(IsoDate) });
