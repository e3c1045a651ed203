import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What every route file gets from the app (server/src/app.ts registers routes/ with these). */
export interface RouteOptions {
  production: boolean;
  /** Session absolute timeout. */
  absoluteHours: number;
  totpRequired: boolean;
  /** Where staff reach the web app, for links in mail. */
  publicUrl: string;
  /** A handover not accepted within this many working days becomes a reminder. */
  overdrachtWerkdagen: number;
  /** The online melding's abuse limits (routes/api/publiek). */
  publiek: { perUur: number; minSeconden: number };
}
