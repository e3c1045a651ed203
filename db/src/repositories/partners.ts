// Partner systems' API clients (issue #20): their keys (only hashes kept), rotation with an overlap, last use,
// revocation. The routes audit every change (routes/api/admin/ketenpartners).
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { MeldingKanaal } from '../domain/codes.ts';
import { apiClientKeys, apiClients } from '../schema/index.ts';
import { sha256 } from '../security/passwords.ts';
import { decodeJsonRow } from './json-rows.ts';

/** A new key: `vtk_` and 32 random bytes (base64url); returned once, kept as its hash, recognised by its prefix. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `vtk_${randomBytes(32).toString('base64url')}`;
  return { key, hash: sha256(key), prefix: key.slice(0, 12) };
}

export type ApiClient = typeof apiClients.$inferSelect;

/**
 * The client a key belongs to, when the key is valid now (not revoked, not past the end a rotation gave it) and the
 * client is not revoked. Notes the use on the key and the client, at most once a minute each.
 */
export async function findApiClientByKeyHash(db: DbOrTx, keyHash: string): Promise<ApiClient | undefined> {
  // One round trip on every partner request: the lookup, the use noted, and the client's row as JSON.
  const rows = await db.execute<{ client: unknown }>(sql`
    with k as (
      select k.id, k.client_id, k.last_used_at from ${apiClientKeys} k
      where k.key_hash = ${keyHash} and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())),
    used_key as (
      update ${apiClientKeys} set last_used_at = now()
      where id = (select id from k) and (last_used_at is null or last_used_at < now() - interval '1 minute') returning client_id),
    used_client as (
      update ${apiClients} set last_used_at = now()
      where id = (select client_id from used_key) and revoked_at is null returning id)
    select row_to_json(c) as client from ${apiClients} c join k on k.client_id = c.id where c.revoked_at is null`);
  return decodeJsonRow(apiClients, rows[0]?.client) ?? undefined;
}

export interface ApiClientInput {
  naam: string;
  scopes: string[];
  kanalen: MeldingKanaal[];
}

/** Makes a client with its first key; the key is returned once. */
export async function createApiClient(tx: DbOrTx, input: ApiClientInput, by: string) {
  const k = newApiKey();
  const [c] = await tx.insert(apiClients).values({ naam: input.naam, keyHash: k.hash, scopes: input.scopes, kanalen: input.kanalen, createdBy: by }).returning();
  // The insert trigger made the key row (for clients inserted the old way); give it its prefix and maker.
  await tx.update(apiClientKeys).set({ prefix: k.prefix, createdBy: by }).where(eq(apiClientKeys.keyHash, k.hash));
  return { client: c!, key: k.key };
}

/**
 * A new key for a client; the keys still valid keep working until `overlapDays` from now (0: they end now), so the
 * partner can switch without a gap. Undefined when the client does not exist or is revoked.
 */
export async function rotateApiKey(tx: DbOrTx, clientId: string, overlapDays: number, by: string) {
  const [c] = await tx.select().from(apiClients).where(and(eq(apiClients.id, clientId), isNull(apiClients.revokedAt))).for('update');
  if (!c) return undefined;
  const ends = sql`now() + make_interval(days => ${overlapDays})`;
  await tx
    .update(apiClientKeys)
    .set({ expiresAt: sql`least(coalesce(${apiClientKeys.expiresAt}, ${ends}), ${ends})` })
    .where(and(eq(apiClientKeys.clientId, clientId), isNull(apiClientKeys.revokedAt), or(isNull(apiClientKeys.expiresAt), gt(apiClientKeys.expiresAt, sql`now()`))));
  const k = newApiKey();
  await tx.update(apiClients).set({ keyHash: k.hash }).where(eq(apiClients.id, clientId));
  await tx.update(apiClientKeys).set({ prefix: k.prefix, createdBy: by }).where(eq(apiClientKeys.keyHash, k.hash));
  return { key: k.key, prefix: k.prefix };
}

/** Ends one key at once (a leaked old key during the overlap). */
export async function revokeApiKey(tx: DbOrTx, clientId: string, keyId: string): Promise<boolean> {
  const rows = await tx
    .update(apiClientKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiClientKeys.id, keyId), eq(apiClientKeys.clientId, clientId), isNull(apiClientKeys.revokedAt)))
    .returning({ id: apiClientKeys.id });
  return rows.length === 1;
}

/** Revokes the client and every key of it. */
export async function revokeApiClient(tx: DbOrTx, clientId: string, by: string): Promise<boolean> {
  const rows = await tx.update(apiClients).set({ revokedAt: sql`now()`, revokedBy: by }).where(and(eq(apiClients.id, clientId), isNull(apiClients.revokedAt))).returning({ id: apiClients.id });
  if (!rows.length) return false;
  await tx.update(apiClientKeys).set({ revokedAt: sql`now()` }).where(and(eq(apiClientKeys.clientId, clientId), isNull(apiClientKeys.revokedAt)));
  return true;
}

/** Every client (or the one `clientId`) with its keys, newest first (never a key's hash). */
export async function listApiClients(db: DbOrTx, clientId?: string) {
  const clients = await db.select().from(apiClients).where(clientId ? eq(apiClients.id, clientId) : undefined).orderBy(desc(apiClients.createdAt));
  const keys = await db
    .select({ id: apiClientKeys.id, clientId: apiClientKeys.clientId, prefix: apiClientKeys.prefix, createdAt: apiClientKeys.createdAt, expiresAt: apiClientKeys.expiresAt, revokedAt: apiClientKeys.revokedAt, lastUsedAt: apiClientKeys.lastUsedAt })
    .from(apiClientKeys)
    .where(clientId ? eq(apiClientKeys.clientId, clientId) : undefined)
    .orderBy(desc(apiClientKeys.createdAt));
  return clients.map((c) => ({ ...c, keys: keys.filter((k) => k.clientId === c.id) }));
}
