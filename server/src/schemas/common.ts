// Small shared pieces every route schema is built from. Types come from these (Static<>), never written twice.
import { Type, type Static, type TSchema } from 'typebox';
import { errorCodes } from '../errors.ts';

export const Id = Type.String({ format: 'uuid', description: 'Identifier (UUID)' });
export const IsoDate = Type.String({ format: 'date', description: 'Europe/Amsterdam calendar date, YYYY-MM-DD' });
export const DateTime = Type.String({ format: 'date-time', description: 'ISO-8601 time with offset' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Text = (maxLength: number, extra: { minLength?: number; description?: string } = {}) =>
  Type.String({ maxLength, ...extra });
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const Phone = Type.String({ minLength: 6, maxLength: 30, pattern: '^[+0-9 ()-]+$' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const GemeenteCode = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeente code, e.g. GM0153' });
export const Postcode = Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$', description: 'Dutch postcode, 7511 AB or 7511AB' });
export const Huisnummer = Type.String({ pattern: '^[0-9]{1,5} ?[A-Za-z0-9-]{0,6}$', description: 'House number with optional addition, e.g. 12 or 12a' });

export const codeEnum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/** `:id` route parameters. */
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
/** The optional Idempotency-Key of POST /api/meldingen and POST /api/adviezen (api.md, Conventions). */
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) });

export const Page = Type.Integer({ minimum: 1, maximum: 10_000, default: 1 });
export const PageSize = Type.Integer({ minimum: 1, maximum: 200, default: 50 });

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    code: codeEnum(errorCodes),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Error', description: 'The error body of every 4xx and 5xx answer' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The error answers a route can give, for the OpenAPI document. */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Type.Ref('Error')]));
