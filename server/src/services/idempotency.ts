// Idempotency-Key handling (api.md, Conventions): the same key and body give the first answer again, the same
// key with another body gives 422. The key is claimed in the same transaction as the work it protects.
import { claimIdempotencyKey, completeIdempotencyKey, type Tx } from '@vt/db';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { badRequest, unprocessable } from '../errors.ts';

/** JSON with object keys sorted, so the same body hashes the same whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface Outcome<T> {
  statusCode: 200 | 201;
  body: T;
}

export async function idempotent<T>(
  req: FastifyRequest,
  tx: Tx,
  work: () => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return work();
  const key = Array.isArray(raw) ? raw[0]! : raw;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw badRequest('Idempotency-Key moet 1 tot 255 zichtbare ASCII-tekens zijn.', [{ path: 'header/idempotency-key', message: 'Ongeldige sleutel.' }]);
  const scope = `${req.actor!.type}:${req.actor!.id}:${req.method} ${req.routeOptions.url}`;
  const hash = createHash('sha256').update(canonicalJson({ params: req.params, body: req.body })).digest('hex');
  const claim = await claimIdempotencyKey(tx, scope, key, hash);
  if (claim.kind === 'mismatch') throw unprocessable('Deze Idempotency-Key is al gebruikt voor een ander verzoek.');
  if (claim.kind === 'replay') return { statusCode: claim.statusCode === 201 ? 201 : 200, body: claim.response as T };
  const outcome = await work();
  await completeIdempotencyKey(tx, scope, key, outcome.statusCode, outcome.body);
  return outcome;
}
