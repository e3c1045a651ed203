import type { AuditAction } from '../domain/codes.ts';
import type { DbOrTx } from '../client.ts';
import { auditLog } from '../schema/index.ts';

export type Actor =
  | { type: 'user'; id: string; roles: readonly string[]; teamId: string | null; gemeente: string | null; /** Other teams the user also works in (a case worker in onderzoek and monitoring). */ otherTeamIds?: readonly string[] }
  | { type: 'client'; id: string; naam: string; scopes: readonly string[] }
  | { type: 'system'; id: null };

export interface AuditEntry {
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  purpose?: string | null;
  result?: 'success' | 'denied' | 'not_found' | 'error';
  ip?: string | null;
  onBehalfOf?: string | null;
  /** The break-glass grant this access used (a case outside the actor's own queue). */
  breakGlassId?: string | null;
}

/** The audit row's role column: the user's roles or the client's scopes. */
export function auditRole(actor: Actor): string | null {
  return actor.type === 'user' ? actor.roles.join(',') : actor.type === 'client' ? actor.scopes.join(',') : null;
}

/** The access log could not be written: the access it records must not happen (the API answers 503). */
export class AuditWriteError extends Error {
  readonly code = 'AUDIT_UNAVAILABLE';
  constructor(cause: unknown) {
    super('audit log unavailable', { cause });
    this.name = 'AuditWriteError';
  }
}

/** Writes one access-log row. Call it inside the transaction of the access it records: no audit, no access. */
export async function writeAudit(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx
    .insert(auditLog)
    .values({
    actorId: actor.id,
    actorType: actor.type,
    role: auditRole(actor),
    onBehalfOf: entry.onBehalfOf ?? (actor.type === 'client' ? actor.naam : null),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    purpose: entry.purpose ?? null,
    result: entry.result ?? 'success',
    ip: entry.ip ?? null,
    breakGlassId: entry.breakGlassId ?? null,
    })
    .catch((err: unknown) => {
      throw new AuditWriteError(err);
    });
}
