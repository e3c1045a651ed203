// `npm run openapi:export`: writes the OpenAPI document to web/openapi.json, from which the web app's typed
// client is generated. Builds the app without connecting to anything.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createCipher, createDb, parseKeys, newKeySpec } from '@vt/db';
import { buildApp } from '../app.ts';

const db = createDb('postgres://unused@127.0.0.1:1/unused', { max: 1 });
const redis = new Redis({ lazyConnect: true });
const app = await buildApp({
  config: { nodeEnv: 'development', logLevel: 'silent', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, trustProxy: false },
  db,
  redis,
  // Only builds the document; a throwaway key seals nothing.
  cipher: createCipher(parseKeys(newKeySpec('docs')), parseKeys(newKeySpec('docs'), 'BLIND_INDEX_KEYS')),
  webRoot: false,
});
await app.ready();
const out = fileURLToPath(new URL('../../../web/openapi.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await db.close();
redis.disconnect();
console.log(`OpenAPI document written to ${out}`);
