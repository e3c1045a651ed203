// Request validation with Ajv. Bodies are checked strictly (no type coercion, unknown fields rejected, nothing
// removed); ajv-formats rejects impossible dates (2026-02-30) and times without an offset. Query strings and params are coerced, since everything in a URL is a string.
import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import fp from 'fastify-plugin';

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

export default fp(async function validation(app: FastifyInstance) {
  const strict = addFormats(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const validate = (httpPart === 'body' ? strict : coercing).compile(schema);
    if (httpPart !== 'body') return validate;
    // Postgres text cannot hold NUL, and no control character belongs in a case file: refuse them here, with the
    // field's path, instead of failing at the database (found by the fuzz tests).
    const validateBody = (data: unknown): boolean => {
      const bad = findControlCharacter(data, '');
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
  });
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
