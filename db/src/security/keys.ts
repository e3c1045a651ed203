// The data-protection keys: DATA_ENCRYPTION_KEYS (sealing) and BLIND_INDEX_KEYS (the radar's keyed indexes) when
// set (both required in production), otherwise development keys kept under DATA_DIR (created on first start,
// readable by this user only), so a demo install needs no setup and its sealed values survive a restart. Never used
// when NODE_ENV=production (config.ts refuses that).
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnv } from '../config.ts';
import { createCipher, newKeySpec, parseKeys, type FieldCipher } from './cipher.ts';

interface KeyConfig {
  dataKeys: string | undefined;
  indexKeys: string | undefined;
  dataDir: string;
  production?: boolean;
}

function devKeys(dataDir: string, file: string, variable: string, warn: (msg: string) => void): string {
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    // Several processes may start on one DATA_DIR at once (WEB_CONCURRENCY): the key is written whole under a name of
    // its own and linked into place, which only the first succeeds at; the others read the winner's key.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${newKeySpec('dev')}\n`, { mode: 0o600 });
    try {
      linkSync(tmp, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
  }
  warn(`${variable} not set: using the development key in ${path} (never in production)`);
  return readFileSync(path, 'utf8').trim();
}

export function loadCipher(config: KeyConfig, warn: (msg: string) => void): FieldCipher {
  if (config.production && (!config.dataKeys || !config.indexKeys)) throw new Error('DATA_ENCRYPTION_KEYS and BLIND_INDEX_KEYS are required when NODE_ENV=production');
  const data = config.dataKeys ?? devKeys(config.dataDir, 'dev-data-encryption-key', 'DATA_ENCRYPTION_KEYS', warn);
  const index = config.indexKeys ?? devKeys(config.dataDir, 'dev-blind-index-key', 'BLIND_INDEX_KEYS', warn);
  return createCipher(parseKeys(data), parseKeys(index, 'BLIND_INDEX_KEYS'));
}

/** The same, configured from the environment (the keys, DATA_DIR, NODE_ENV as config.ts reads them): for the CLIs. */
export function cipherFromEnv(env: NodeJS.ProcessEnv, warn: (msg: string) => void): FieldCipher {
  const c = readEnv(env);
  return loadCipher({ dataKeys: c.DATA_ENCRYPTION_KEYS, indexKeys: c.BLIND_INDEX_KEYS, dataDir: c.DATA_DIR, production: c.NODE_ENV === 'production' }, warn);
}
