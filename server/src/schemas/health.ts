// Shapes of the health routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { Type } from 'typebox';

export const Status = Type.Union([Type.Literal('ok'), Type.Literal('down')]);

export const Ready = Type.Object({
  /** starting (waiting for Postgres, migrating), ready, or draining (SIGTERM: finishing, take it out of rotation). */
  status: Type.Union([Type.Literal('starting'), Type.Literal('ready'), Type.Literal('draining')]),
  postgres: Status,
  redis: Status,
});
