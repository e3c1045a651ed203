// Small shared pieces every route schema is built from. Types come from these (Static<>), never written twice.
import { Type, type Static } from 'typebox';
import { errorCodes } from '../errors.ts';

// The primitive shapes of the contract are defined with the melding's body in @vt/db/domain (contract.ts), where the
// repositories take their input types from them.
export { codeEnum, DateTime, Email, GemeenteCode, Huisnummer, Id, IsoDate, Name, Nullable, Phone, Postcode, Text } from '@vt/db/domain/contract';
import { codeEnum, Id } from '@vt/db/domain/contract';

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
    current: Type.Optional(Type.Unknown({ description: 'With 412 PRECONDITION_FAILED: the case as the caller may read it now (GET /api/meldingen/:id)' })),
  },
  { $id: 'Error', description: 'The error body of every 4xx and 5xx answer' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The error answers of the route's own (404, 409, 422 …); those of the framework and the guards are added to every route (plugins/app/errors.ts, guardErrors). */
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Type.Ref('Error')]));
