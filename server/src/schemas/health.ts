// Shapes of the health routes, shared by their files (folder = URL prefix, server/src/routes/api).
import { Type } from 'typebox';

export const Status = Type.Union([Type.Literal('ok'), Type.Literal('down')]);

export const Ready = Type.Object({ postgres: Status, redis: Status });
