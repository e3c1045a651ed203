// Shapes of the audit routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { auditActions } from '@vt/db/domain';
import { Type } from 'typebox';
import { DateTime, Id, Nullable, codeEnum } from './common.ts';

export const Entry = Type.Object({
  at: DateTime,
  actorId: Nullable(Type.String()),
  /** The staff member's name (null for a partner system or the system itself). */
  actorNaam: Nullable(Type.String()),
  actorType: Type.String(),
  role: Nullable(Type.String()),
  action: codeEnum(auditActions),
  subject: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
  purpose: Nullable(Type.String()),
  result: Type.String(),
  ip: Nullable(Type.String()),
  /** The break-glass grant the access used (a case outside the actor's own queue). */
  breakGlassId: Nullable(Id),
});
