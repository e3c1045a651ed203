// The process-wide cipher for free text at rest, and the column types that use it. The application registers its
// cipher once at start-up (server/src/app.ts, workers/src/index.ts, the db CLIs); from then on drizzle seals the
// free-text columns on every write and opens them on every read, so repositories and routes see plain text.
// Values written before encryption was switched on are read as they are until `npm run db:rotate-key` seals them.
import { customType } from 'drizzle-orm/pg-core';
import type { FieldCipher } from './cipher.ts';

let registered: FieldCipher | undefined;

export function useFieldCipher(cipher: FieldCipher): void {
  registered = cipher;
}

export function fieldCipher(): FieldCipher {
  if (!registered) throw new Error('no data-encryption key registered (useFieldCipher) before touching free text');
  return registered;
}

/** Seals a free-text value ('' stays '': it says nothing). */
export function seal(value: string): string {
  return value === '' ? '' : fieldCipher().encrypt(value);
}

/** Opens a sealed value; a value from before encryption is returned as it is. */
export function unseal(value: string): string {
  return value.startsWith('enc1:') ? fieldCipher().decrypt(value) : value;
}

/** The blind index of a radar value (domain/radar.ts adresSleutel, persoonSleutel) under the current index key. */
export function blindIndex(value: string): string {
  return fieldCipher().blindIndex(value);
}

/** The value's blind index under every configured index key: what a radar lookup matches against. */
export function blindIndexCandidates(value: string): string[] {
  return fieldCipher().blindIndexCandidates(value);
}

/** A text column holding free text or identifying data about a case: sealed at rest. */
export const sealedText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => seal(value),
  fromDriver: (value) => unseal(String(value)),
});

/** Keys of a history event's data that carry free text (a reason, an explanation). */
export const FREE_TEXT_EVENT_KEYS = ['reason', 'reden', 'toelichting'] as const;

function mapFreeText(data: Record<string, unknown>, fn: (s: string) => string): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key of FREE_TEXT_EVENT_KEYS) {
    const v = data[key];
    if (typeof v === 'string') (out ??= { ...data })[key] = fn(v);
  }
  return out ?? data;
}

/** A history event's data (jsonb): its free-text values are sealed at rest, everything else stays queryable. */
export const eventData = customType<{ data: Record<string, unknown>; driverData: string | Record<string, unknown> }>({
  dataType: () => 'jsonb',
  toDriver: (value) => JSON.stringify(mapFreeText(value, seal)),
  fromDriver: (value) => mapFreeText((typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>, unseal),
});
