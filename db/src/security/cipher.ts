// Field-level protection at rest. Sealing: AES-256-GCM with keys from configuration (DATA_ENCRYPTION_KEYS). Every
// value carries the id of the key that sealed it, so keys can rotate: new values use the current (first) key, old
// ones stay readable with the older keys until a rotation re-seals them. Blind indexes: HMAC-SHA256 under keys of
// their own (BLIND_INDEX_KEYS), so the radar can find the same address or person among sealed values without
// opening them; each index names its key too, and a lookup tries every configured key until a rotation re-indexed
// everything (db/src/security/rotate.ts).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'enc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CipherConfigError extends Error {}

export interface FieldCipher {
  /** The key id new values are sealed with. */
  readonly currentKeyId: string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Whether a stored value was sealed with a key other than the current one. */
  needsRotation(sealed: string): boolean;
  isSealed(value: string): boolean;
  /** The key id new blind indexes are made with. */
  readonly currentIndexKeyId: string;
  /** The blind index of a normalised value under the current index key: `kid:base64url(HMAC-SHA256)`. */
  blindIndex(value: string): string;
  /** The value's blind index under every configured index key (rows not yet re-indexed after a key change). */
  blindIndexCandidates(value: string): string[];
}

/**
 * Parses `kid:base64key[,kid:base64key…]` (the first is current; every key 32 bytes). Key ids are short names
 * such as `2026a`; they are stored next to each value, the keys never are.
 */
export function parseKeys(spec: string, name = 'DATA_ENCRYPTION_KEYS'): { id: string; key: Buffer }[] {
  const keys = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      if (at < 1) throw new CipherConfigError(`${name} entries look like id:base64key`);
      const id = entry.slice(0, at);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new CipherConfigError(`${name}: key id "${id}" may hold letters, digits, - and _ only`);
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (key.length !== 32) throw new CipherConfigError(`${name}: key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
      return { id, key };
    });
  if (!keys.length) throw new CipherConfigError(`${name} holds no key`);
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new CipherConfigError(`${name}: key ids must be unique`);
  return keys;
}

/** A new random key in the configuration format, for operators (`npm run db:rotate-key -- --new-key`). */
export function newKeySpec(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function createCipher(keys: { id: string; key: Buffer }[], indexKeys: { id: string; key: Buffer }[]): FieldCipher {
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const current = keys[0]!;
  if (!indexKeys.length) throw new CipherConfigError('BLIND_INDEX_KEYS holds no key');
  const hmac = (k: { id: string; key: Buffer }, value: string) => `${k.id}:${createHmac('sha256', k.key).update(value, 'utf8').digest('base64url')}`;
  const parse = (sealed: string) => {
    const parts = sealed.split(':');
    if (parts.length !== 3 || parts[0] !== PREFIX) throw new Error('not an encrypted value');
    return { keyId: parts[1]!, payload: Buffer.from(parts[2]!, 'base64') };
  };
  return {
    currentKeyId: current.id,
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const c = createCipheriv('aes-256-gcm', current.key, iv);
      // The key id is authenticated too: a value cannot be passed off as sealed by another key.
      c.setAAD(Buffer.from(current.id));
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${PREFIX}:${current.id}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const { keyId, payload } = parse(sealed);
      const key = byId.get(keyId);
      if (!key) throw new Error(`no key "${keyId}" configured to read this value`);
      const d = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES));
      d.setAAD(Buffer.from(keyId));
      d.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([d.update(payload.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
    },
    needsRotation(sealed) {
      return parse(sealed).keyId !== current.id;
    },
    isSealed(value) {
      return value.startsWith(`${PREFIX}:`);
    },
    currentIndexKeyId: indexKeys[0]!.id,
    blindIndex: (value) => hmac(indexKeys[0]!, value),
    blindIndexCandidates: (value) => indexKeys.map((k) => hmac(k, value)),
  };
}
