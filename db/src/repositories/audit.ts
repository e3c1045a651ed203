import type { AuditAction } from '../domain/codes.ts';
import type { DbOrTx } from '../client.ts';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { addDays, amsterdamStartOfDay } from '../domain/calendar.ts';
import { auditLog, users } from '../schema/index.ts';

export type Actor =
  | { type: 'user'; id: string; roles: readonly string[]; teamId: string | null; gemeente: string | null; /** Other teams the user also works in (a case worker in onderzoek and monitoring). */ otherTeamIds?: readonly string[] }
  | { type: 'client'; id: string; naam: string; scopes: readonly string[]; /** The kanalen its meldingen may name (null or absent: any). */ kanalen?: readonly string[] | null }
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

export interface AuditSearch {
  meldingId?: string;
  /** A case's or an advies's reference (M-2026-000123, A-2026-000045): its rows, whatever subject id they carry. */
  reference?: string;
  action?: AuditAction;
  actor?: string;
  /** Amsterdam dates, both included. */
  from?: string;
  to?: string;
  /** 500 entries a page, the newest first. */
  page?: number;
}

/** The privacy officer's search of the audit trail. */
export async function searchAudit(db: DbOrTx, q: AuditSearch) {
  const where: SQL[] = [];
  if (q.meldingId) where.push(eq(auditLog.subjectId, q.meldingId));
  if (q.reference) {
    where.push(sql`${auditLog.subjectId} in (select id::text from meldingen where reference = ${q.reference} union all select id::text from adviezen where reference = ${q.reference})`);
  }
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actor) where.push(eq(auditLog.actorId, q.actor));
  if (q.from) where.push(gte(auditLog.at, amsterdamStartOfDay(q.from)));
  if (q.to) where.push(lt(auditLog.at, amsterdamStartOfDay(addDays(q.to, 1))));
  const rows = await db
    .select({ r: auditLog, naam: users.naam })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(500)
    .offset(((q.page ?? 1) - 1) * 500);
  return rows.map(({ r, naam }) => ({
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorNaam: naam,
    actorType: r.actorType,
    role: r.role,
    action: r.action,
    subject: { type: r.subjectType, id: r.subjectId },
    purpose: r.purpose,
    result: r.result,
    ip: r.ip,
    breakGlassId: r.breakGlassId,
  }));
}
