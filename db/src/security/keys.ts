// The data-encryption keys: DATA_ENCRYPTION_KEYS when set (required in production), otherwise a development key
// kept under DATA_DIR (created on first start, readable by this user only), so a demo install needs no setup and
// its encrypted values survive a restart. Never used when NODE_ENV=production (config.ts refuses that).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCipher, newKeySpec, parseKeys, type FieldCipher } from './cipher.ts';

export function loadCipher(config: { dataKeys: string | undefined; dataDir: string; production?: boolean }, warn: (msg: string) => void): FieldCipher {
  if (config.dataKeys) return createCipher(parseKeys(config.dataKeys));
  if (config.production) throw new Error('DATA_ENCRYPTION_KEYS is required when NODE_ENV=production');
  const file = join(config.dataDir, 'dev-data-encryption-key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${newKeySpec('dev')}\n`, { mode: 0o600 });
  }
  warn(`DATA_ENCRYPTION_KEYS not set: using the development key in ${file} (never in production)`);
  return createCipher(parseKeys(readFileSync(file, 'utf8').trim()));
}

/** The same, configured from the environment (DATA_ENCRYPTION_KEYS, DATA_DIR, NODE_ENV): for the worker and the CLIs. */
export function cipherFromEnv(env: NodeJS.ProcessEnv, warn: (msg: string) => void): FieldCipher {
  return loadCipher({ dataKeys: env.DATA_ENCRYPTION_KEYS || undefined, dataDir: env.DATA_DIR || '.data', production: env.NODE_ENV === 'production' }, warn);
}
