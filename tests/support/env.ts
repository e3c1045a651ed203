import { createCipher, parseKeys } from '@vt/db';
// Where the tests find Postgres and Redis: the machine's own services unless told otherwise.
export const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * Test databases are named per namespace (VT_TEST_NS, default `main`), so two checkouts can run their suites on one
 * Postgres at the same time without dropping each other's databases.
 */
export const TEST_NS = (process.env.VT_TEST_NS ?? 'main').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 'main';
export const TEST_DB_PREFIX = `vt_t_${TEST_NS}_`;
export const TEMPLATE_DB = `vt_test_template_${TEST_NS}`;
export const DEMO_PASSWORD = 'demo-veilig-thuis';
export const DEMO_API_KEY = 'demo-politie-key';

export function databaseUrl(name: string): string {
  const u = new URL(ADMIN_DATABASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fixed data-encryption key and blind-index key for tests (never real ones): id `test`, 32 bytes each. */
export const TEST_DATA_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;
export const TEST_INDEX_KEYS = `testix:${Buffer.alloc(32, 9).toString('base64')}`;
export const testCipher = createCipher(parseKeys(TEST_DATA_KEYS), parseKeys(TEST_INDEX_KEYS, 'BLIND_INDEX_KEYS'));
