// The record rule for every route that reads, changes or returns part of one case (issue #14), in one place: a
// route declares the permission it needs and where its case comes from (`config.action`, `config.caseAccess`), and
// this plugin checks both before the handler runs. A case the caller may not see answers 404; one outside its own
// queue without a running break-glass grant answers 403 BREAK_GLASS_REQUIRED; both refusals are audited and
// committed before the answer. A route with an `:id` or a `meldingId` in its body that does not say which case it
// touches (or that it touches none) fails at start-up, so no new route can skip the rule.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { caseAccess, caseVersion, findMeldingDetail, meldingOf, writeAudit, type AuditEntry, type CaseChild, type DbOrTx } from '@vt/db';
import { HttpError, PreconditionFailed, notFound } from '../../errors.ts';
import { seesMelderIdentity } from '../../services/access.ts';
import { toMeldingView } from '../../services/meldingen.ts';

export interface CaseAccessSpec {
  /** Where the case's id is: the `:id` of /meldingen/:id, the `meldingId` of the body, or a row of a child table. */
  from: 'melding' | 'body' | CaseChild;
  /** Why the case is touched: the audit row's purpose of a refused attempt. */
  purpose: string;
  /** The break-glass request itself: the case must be visible, not in the own queue. */
  breakGlassRequest?: true;
}

export interface CaseContext {
  meldingId: string;
  /** The case lies in the caller's own queue. */
  own: boolean;
  /** The grant that opened it when it does not (goes into every audit row of this request). */
  grantId: string | null;
  melderIdentity: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The case the route reads or changes, or false for a route whose `:id` is not a case (a user, an advies). */
    caseAccess?: CaseAccessSpec | false;
  }
  interface FastifyRequest {
    /** The case this request may touch, once the record rule let it through. */
    case: CaseContext | null;
  }
}

export const breakGlassRequired = () =>
  new HttpError(403, 'BREAK_GLASS_REQUIRED', 'Deze melding ligt buiten uw eigen werkvoorraad. Geef een reden om haar toch te openen (break-glass).');

/** An audit row about the request's case, carrying the grant it used. */
export function caseAudit(req: FastifyRequest, entry: Omit<AuditEntry, 'subjectType' | 'subjectId' | 'breakGlassId' | 'ip'> & { subjectType?: string }): AuditEntry {
  const c = req.case;
  if (!c) throw new Error('caseAudit outside a case route');
  return { subjectType: 'melding', ...entry, subjectId: c.meldingId, breakGlassId: c.grantId, ip: req.ip };
}

/** Whether an `If-Match` header lets a write on a case at version `current` through (RFC 9110 §13.1.1: strong). */
export const ifMatchHolds = (header: string | undefined, current: string): boolean =>
  header === undefined || header.split(',').some((t) => t.trim() === '*' || t.trim() === current);

/**
 * A step on a case sent with `If-Match` runs only on the version its sender read (issue #16). Otherwise 412 with
 * the case as the caller may read it now, so the screen can show what changed; that read is audited like any other.
 * Checked before the handler, and again under the case's row lock by steps that take it (services/case.ts), so two
 * writes on the same version cannot both pass.
 */
export async function assertIfMatch(db: DbOrTx, req: FastifyRequest): Promise<void> {
  const header = req.headers['if-match'];
  const c = req.case;
  if (!c || header === undefined || req.method === 'GET' || req.method === 'HEAD') return;
  const version = await caseVersion(db, c.meldingId);
  if (!version || ifMatchHolds(header, version)) return;
  const detail = await findMeldingDetail(db, c.meldingId);
  await writeAudit(db, req.actor!, caseAudit(req, { action: 'read', purpose: 'precondition' }));
  throw new PreconditionFailed('Deze melding is intussen door iemand anders gewijzigd. Bekijk de wijzigingen en probeer het opnieuw.', detail ? toMeldingView(detail, c) : null);
}

const routeTouchesCase = (r: RouteOptions) => {
  const body = (r.schema?.body ?? {}) as { properties?: Record<string, unknown> };
  return /\/:id(\/|$)/.test(r.url) || Boolean(body.properties?.meldingId);
};

export default fp(async function caseAccessPlugin(app: FastifyInstance) {
  app.decorateRequest('case', null);

  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || !routeTouchesCase(r)) return;
    if (r.config?.caseAccess === undefined) throw new Error(`${String(r.method)} ${r.url}: declare config.caseAccess (the case it touches, or false)`);
    if (r.config.caseAccess && !r.config.action) throw new Error(`${String(r.method)} ${r.url}: a case route declares config.action`);
  });

  app.addHook('preHandler', async (req) => {
    const spec = req.routeOptions.config.caseAccess;
    if (!spec) return;
    const actor = req.actor!;
    const params = req.params as { id?: string };
    // The refused attempt is recorded (and committed) before the caller hears no.
    const refuse = async (subjectType: string, subjectId: string, result: 'not_found' | 'denied', purpose: string) => {
      await writeAudit(app.db.db, actor, { action: req.method === 'GET' ? 'read' : 'update', subjectType, subjectId, result, ip: req.ip, purpose });
    };
    let meldingId: string | undefined;
    if (spec.from === 'melding') meldingId = params.id;
    else if (spec.from === 'body') meldingId = (req.body as { meldingId?: string }).meldingId;
    else meldingId = await meldingOf(app.db.db, spec.from, params.id!);
    if (!meldingId) {
      await refuse(spec.from === 'body' ? 'melding' : spec.from, params.id ?? '', 'not_found', spec.purpose);
      throw notFound('Niet gevonden.');
    }
    const access = await caseAccess(app.db.db, actor, meldingId);
    if (!access?.visible) {
      await refuse('melding', meldingId, 'not_found', spec.purpose);
      throw notFound('Melding niet gevonden.');
    }
    if (!access.own && !access.grantId && !spec.breakGlassRequest) {
      await refuse('melding', meldingId, 'denied', 'break_glass_required');
      throw breakGlassRequired();
    }
    req.case = { meldingId, own: access.own, grantId: access.grantId, melderIdentity: seesMelderIdentity(actor) };
    await assertIfMatch(app.db.db, req);
  });

  // A step that went through answers with the case's new version, so the screen's next step needs no new read.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.case || req.method === 'GET' || reply.statusCode >= 300 || reply.hasHeader('etag')) return payload;
    const version = await caseVersion(app.db.db, req.case.meldingId).catch(() => null);
    if (version) void reply.header('etag', version);
    return payload;
  });
});
