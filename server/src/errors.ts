// Typed domain errors; one error handler (plugins/app/errors.ts) turns them into the contract's error body.

/** Every code an error body can carry (api.md, Errors): the one list the OpenAPI document and the handler use. */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'MFA_REQUIRED',
  'BREAK_GLASS_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetail {
  path: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** 412: the case changed since the caller read it; `current` is the case as the caller may read it now (api.md). */
export class PreconditionFailed extends HttpError {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super(412, 'PRECONDITION_FAILED', message);
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) => new HttpError(400, 'VALIDATION', message, details);
export const unauthenticated = (message = 'Niet aangemeld.') => new HttpError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'Geen toegang.') => new HttpError(403, 'FORBIDDEN', message);
export const notFound = (message = 'Niet gevonden.') => new HttpError(404, 'NOT_FOUND', message);
export const conflict = (message: string) => new HttpError(409, 'CONFLICT', message);
export const unprocessable = (message: string, details: ErrorDetail[] = []) =>
  new HttpError(422, 'UNPROCESSABLE', message, details);
export const unavailable = (message = 'Een onderdeel van het systeem is tijdelijk niet bereikbaar.') =>
  new HttpError(503, 'UNAVAILABLE', message);
