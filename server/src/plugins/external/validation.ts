// Request validation with Ajv. Bodies are checked strictly (no type coercion, unknown fields rejected, nothing
// removed); ajv-formats rejects impossible dates (2026-02-30) and times without an offset. Query strings and params are coerced, since everything in a URL is a string.
import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import fp from 'fastify-plugin';
import sjson from 'secure-json-parse';
import { badRequest } from '../../errors.ts';

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

/** Marks a body schema whose items the route checks one by one (see compileBody). */
export const ITEMS_CHECKED = 'x-items-checked-per-item';

export type BodyValidator = ((data: unknown) => boolean) & { errors: FastifySchemaValidationError[] | null };

declare module 'fastify' {
  interface FastifyInstance {
    /** Checks a body against a schema as a route's body is checked (for the items of a batch, each on its own). */
    compileBody(schema: object): BodyValidator;
  }
}

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/** No form of ours nests deeper than a handful of levels; a body nested deeper is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;

/**
 * How deeply a JSON text nests, counted without parsing it (strings skipped), stopping as soon as `limit` is
 * passed: a body of 10,000 nested arrays costs a scan, not a stack overflow in whatever walks it later.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

export default fp(async function validation(app: FastifyInstance) {
  // JSON bodies: nesting limited before parsing, then parsed as fastify does (secure-json-parse: no __proto__).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    if (text === '') return done(Object.assign(new Error('empty body'), { statusCode: 400, code: 'FST_ERR_CTP_EMPTY_JSON_BODY' }), undefined);
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      return done(badRequest(`De body is te diep genest (meer dan ${MAX_JSON_DEPTH} niveaus).`, [{ path: '/', message: 'Te diep genest.' }]), undefined);
    }
    try {
      done(null, sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(Object.assign(new Error('invalid json'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });

  const strict = addFormats(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  /** A body validator as every route's: strict types, no control characters (see below). */
  const compileBody = (schema: object) => {
    const validate = strict.compile(schema);
    // A batch whose items are checked one by one (POST /api/ketenberichten) leaves them to that check, so one bad
    // item cannot fail the rest.
    const perItem = (schema as { [ITEMS_CHECKED]?: boolean })[ITEMS_CHECKED] === true;
    // Postgres text cannot hold NUL, and no control character belongs in a case file: refuse them here, with the
    // field's path, instead of failing at the database (found by the fuzz tests).
    const validateBody = (data: unknown): boolean => {
      const bad = perItem ? null : findControlCharacter(data, '');
      if (bad !== null) {
        validateBody.errors = [{ keyword: 'controlCharacter', instancePath: bad, schemaPath: '#', params: {}, message: 'contains a control character' }];
        return false;
      }
      const ok = validate(data) as boolean;
      validateBody.errors = (validate.errors ?? null) as FastifySchemaValidationError[] | null;
      return ok;
    };
    validateBody.errors = null as FastifySchemaValidationError[] | null;
    return validateBody;
  };
  app.decorate('compileBody', compileBody);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? compileBody(schema) : coercing.compile(schema)));
});

/** The JSON pointer of the first string with a C0 control character other than tab, newline or carriage return. */
export function findControlCharacter(value: unknown, path: string): string | null {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (typeof value === 'string') return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value) ? path || '/' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlCharacter(value[i], `${path}/${i}`);
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findControlCharacter(k, path) !== null ? `${path}/${k}` : findControlCharacter(v, `${path}/${k}`);
      if (hit !== null) return hit;
    }
  }
  return null;
}
