// One error handler: typed domain errors and framework errors become the contract's error body; every 5xx detail
// stays in the log (without request data), never in the answer.
import type { FastifyError, FastifyInstance, RouteOptions } from 'fastify';
import { Type } from 'typebox';
import fp from 'fastify-plugin';
import { AccountConflict, ActionRefused, AuditWriteError, InputRefused, LifecycleConflict } from '@vt/db';
import { HttpError, PreconditionFailed, type ErrorCode, type ErrorDetail } from '../../errors.ts';

/**
 * The domain's own errors and the answer each gets (issue #15: one mapping, no per-route wrappers). A repository
 * throws what went wrong in its own terms; only this table knows HTTP.
 */
const domainErrors: [new (...args: never[]) => Error, number, ErrorCode][] = [
  [LifecycleConflict, 409, 'CONFLICT'],
  [AccountConflict, 409, 'CONFLICT'],
  [ActionRefused, 403, 'FORBIDDEN'],
];

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const messageFor = (e: AjvError): string => {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return 'Dit veld is verplicht.';
    case 'additionalProperties':
      return 'Dit veld is onbekend.';
    case 'type':
      return `Verkeerd type: verwacht ${String(p.type)}.`;
    case 'maxLength':
      return `Te lang: maximaal ${String(p.limit)} tekens.`;
    case 'minLength':
      return Number(p.limit) <= 1 ? 'Mag niet leeg zijn.' : `Te kort: minimaal ${String(p.limit)} tekens.`;
    case 'maxItems':
      return `Te veel: maximaal ${String(p.limit)}.`;
    case 'minItems':
      return `Minimaal ${String(p.limit)} nodig.`;
    case 'uniqueItems':
      return 'Elke waarde mag maar één keer voorkomen.';
    case 'enum':
      return `Ongeldige waarde; kies uit: ${(p.allowedValues as unknown[]).join(', ')}.`;
    case 'format':
      return `Ongeldig formaat (${String(p.format)}).`;
    case 'pattern':
      return 'Ongeldig formaat.';
    case 'controlCharacter':
      return 'Bevat een niet-toegestaan (stuur)teken.';
    case 'minimum':
    case 'maximum':
      return `Waarde buiten bereik (${e.keyword === 'minimum' ? 'minimaal' : 'maximaal'} ${String(p.limit)}).`;
    default:
      return 'Ongeldige waarde.';
  }
};

const pathFor = (e: AjvError): string => {
  if (e.keyword === 'required') return `${e.instancePath}/${String(e.params.missingProperty)}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${String(e.params.additionalProperty)}`;
  return e.instancePath || '/';
};

/** api.md: `details` holds at most 20 entries; the last says how many more there were. */
export const MAX_DETAILS = 20;
export function capDetails(details: ErrorDetail[]): ErrorDetail[] {
  if (details.length <= MAX_DETAILS) return details;
  const shown = details.slice(0, MAX_DETAILS - 1);
  return [...shown, { path: '/', message: `en nog ${details.length - shown.length} andere fouten` }];
}

export function validationDetails(errors: AjvError[]): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const e of errors) {
    // anyOf/oneOf produce a summary error next to their branches; the branches say more.
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const d = { path: pathFor(e), message: messageFor(e) };
    const k = `${d.path}|${d.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      details.push(d);
    }
  }
  return details;
}

const codeForStatus = (status: number): ErrorCode =>
  status === 401
    ? 'UNAUTHENTICATED'
    : status === 403
      ? 'FORBIDDEN'
      : status === 404
        ? 'NOT_FOUND'
        : status === 409
          ? 'CONFLICT'
          : status === 412
            ? 'PRECONDITION_FAILED'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
          : status === 422
            ? 'UNPROCESSABLE'
            : status === 429
              ? 'RATE_LIMITED'
              : status === 503
                ? 'UNAVAILABLE'
                : status >= 500
                  ? 'INTERNAL'
                  : 'VALIDATION';

/** Errors that mean "the database is not reachable right now": answer 503, not 500. */
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'CONNECTION_ENDED', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '53300']);
/** ioredis says "down" in words, not codes, when its offline queue is off (fail fast). */
const redisDown = /Stream isn't writeable|Connection is closed|enableOfflineQueue/;
/** The SQLSTATE of a Postgres error, also when drizzle wrapped it (DrizzleQueryError keeps it as the cause). */
export const pgCode = (err: unknown): string | undefined => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
};

export const isUnavailable = (err: unknown): boolean => {
  const e = err as { code?: string; errno?: string; cause?: unknown; name?: string; message?: string } | null;
  if (!e) return false;
  if (e.name === 'MaxRetriesPerRequestError' || (typeof e.message === 'string' && redisDown.test(e.message))) return true;
  if (e.code && (unavailableCodes.has(e.code) || e.code.startsWith('08'))) return true;
  if (e.errno && unavailableCodes.has(e.errno)) return true;
  return e.cause ? isUnavailable(e.cause) : false;
};

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The answers the framework and the guards give on a route, whatever its handler does (issue #15: every route
 * declares the errors it can answer). A route declares its own (404, 409, 422 …) in its schema; these are added to
 * it, derived from what the route is: 400 when it validates a body, query or path, or takes a body at all (bad JSON,
 * nesting too deep); 413 and 415 for a body; 401 and 429 unless its files are anonymous (unauthenticated callers
 * are throttled); 403 behind a permission, a second factor or the CSRF token; 500 and 503 always. The integration
 * tests fail on any answer a route does not declare (tests/support/app.ts).
 */
export function guardErrors(r: Pick<RouteOptions, 'method' | 'url' | 'schema' | 'config'>): number[] {
  const methods = ([] as string[]).concat(r.method);
  const schema = (r.schema ?? {}) as { body?: unknown; querystring?: unknown; params?: unknown };
  const config = (r.config ?? {}) as { public?: boolean; anonymous?: boolean; rateLimit?: unknown; caseAccess?: unknown };
  const hasBody = methods.some((m) => BODY_METHODS.has(m));
  const codes = [500, 503];
  if (hasBody || schema.body || schema.querystring || schema.params || /\/:\w+/.test(r.url)) codes.push(400);
  if (hasBody) codes.push(413, 415);
  if (!config.anonymous && config.rateLimit !== false) codes.push(429);
  if (!config.public) codes.push(401, 403);
  // A step on a case honours If-Match (plugins/app/case-access.ts).
  if (config.caseAccess && methods.some((m) => m !== 'GET' && m !== 'HEAD')) codes.push(412);
  return codes;
}

export default fp(async function errors(app: FastifyInstance) {
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || (r.schema as { hide?: boolean } | undefined)?.hide) return;
    const schema = (r.schema ??= {}) as { response?: Record<string, unknown> };
    const response = (schema.response ??= {});
    for (const c of guardErrors(r)) response[c] ??= Type.Ref('Error');
  });

  app.setErrorHandler((err: FastifyError & { validation?: AjvError[] }, req, reply) => {
    if (err instanceof InputRefused) return reply.status(400).send({ statusCode: 400, code: 'VALIDATION', message: err.message, details: capDetails(err.details) });
    for (const [type, status, code] of domainErrors) {
      if (err instanceof type) return reply.status(status).send({ statusCode: status, code, message: err.message });
    }
    if (err instanceof HttpError) {
      if (err.statusCode === 503) void reply.header('retry-after', '5');
      return reply.status(err.statusCode).send({
        statusCode: err.statusCode,
        code: err.code,
        message: err.message,
        ...(err.details.length ? { details: capDetails(err.details) } : {}),
        ...(err instanceof PreconditionFailed ? { current: err.current } : {}),
      });
    }
    if (err.validation) {
      return reply.status(400).send({
        statusCode: 400,
        code: 'VALIDATION',
        message: 'De invoer klopt niet.',
        details: capDetails(validationDetails(err.validation)),
      });
    }
    if (isUnavailable(err) || err instanceof AuditWriteError) {
      req.log.warn({ errCode: err.code }, 'dependency unavailable');
      return reply.status(503).header('retry-after', '5').send({
        statusCode: 503,
        code: 'UNAVAILABLE',
        message: 'Een onderdeel van het systeem is tijdelijk niet bereikbaar. Probeer het zo opnieuw.',
      });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) {
      // Log type and code only: a database error message can quote the data that caused it.
      req.log.error({ errName: err.name, errCode: err.code, stack: err.stack?.split('\n').slice(0, 6).join('\n') }, 'request failed');
      return reply.status(500).send({ statusCode: 500, code: 'INTERNAL', message: 'Er ging iets mis aan onze kant. Het is gelogd.' });
    }
    const code = codeForStatus(status);
    const message =
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
        ? 'De body is geen geldige JSON.'
        : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'De body is te groot.'
          : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'Dit type inhoud wordt niet ondersteund; gebruik application/json.'
            : err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? 'De body is leeg.'
              : status === 429
                ? 'Te veel verzoeken. Probeer het later opnieuw.'
                : 'Het verzoek is ongeldig.';
    return reply.status(status).send({ statusCode: status, code, message });
  });

  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({ statusCode: 404, code: 'NOT_FOUND', message: 'Niet gevonden.' }),
  );
});
