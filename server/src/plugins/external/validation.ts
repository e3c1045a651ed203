// Request validation with Ajv. Bodies are checked strictly (no type coercion, unknown fields rejected, nothing
// removed); ajv-formats rejects impossible dates (2026-02-30) and times without an offset. Query strings and params are coerced, since everything in a URL is a string.
import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

export default fp(async function validation(app: FastifyInstance) {
  const strict = addFormats(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
});
