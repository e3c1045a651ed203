// Authentication for every route: a cookie session for staff (with a CSRF token on every state-changing request) or
// an API key for partner systems. Routes opt out only with `config: { public: true }` (the web app's files, the API
// description, health, sign-in). Every other route declares the permission it needs (`config.action`, checked here
// before the body is parsed) or that any signed-in user may call it (`config.signedIn`: the session, sign-out,
// the own password and second factor); a route with neither does not start. The guard decides on the route the router matched, never on the URL's text: a
// path spelled `/%61pi/gemeenten` matches the same route as `/api/gemeenten` and meets the same guard (issue #14).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RegioScope, findApiClientByKeyHash, sha256, touchSession, type Actor } from '@vt/db';
import { can, type Action } from '../../authz.ts';
import { HttpError, forbidden, unauthenticated } from '../../errors.ts';

export interface SessionUser {
  id: string;
  naam: string;
  email: string;
  roles: string[];
  teamId: string | null;
  otherTeamIds: string[];
  teamKind: string | null;
  teamNaam: string | null;
  gemeente: string | null;
  gemeenteNaam: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionUser: SessionUser | null;
    csrfToken: string | null;
    /** Password accepted, TOTP not yet: only routes marked `mfaStep` answer. */
    mfaPending: boolean;
    totpEnabled: boolean;
    /** The region the request's queries run in (db/src/regions.ts): the caller's, once it is known. */
    regioScope: RegioScope;
  }
  interface FastifyContextConfig {
    public?: boolean;
    /** Reachable by a session that still has to give its second factor (verify, enrol, session, logout); implies signedIn. */
    mfaStep?: boolean;
    /** A public route that never looks at who calls (the web app's files, the API description). */
    anonymous?: boolean;
    /** The permission(s) of authz.ts the route needs: all of them, checked before the body is parsed. */
    action?: Action | readonly Action[];
    /** Any signed-in user may call it (its own session, password and second factor). */
    signedIn?: boolean;
  }
  interface FastifyInstance {
    /** Throws 401/403 unless the caller may take this action. Returns the actor. */
    authorize(req: FastifyRequest, action: Action): Actor;
    sessionCookieName: string;
    /** What guards each route, by "METHOD url": its permissions, 'signed-in' or 'public' (the permission test reads it). */
    routeGates: Map<string, readonly Action[] | 'signed-in' | 'public'>;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export default fp(async function auth(app: FastifyInstance, opts: { production: boolean; idleMinutes: number }) {
  const cookieName = opts.production ? '__Host-vt_session' : 'vt_session';
  app.decorate('sessionCookieName', cookieName);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mfaPending', false);
  app.decorateRequest('totpEnabled', false);
  app.decorateRequest('regioScope', null as unknown as RegioScope);

  // Every query of a request runs in the caller's region (several regions on one deployment, issue #19): the scope
  // starts without one (the session lookup below sees accounts, no case) and takes the caller's region once known.
  // Entered again after the body is parsed, whose stream events run outside it (as @fastify/request-context does).
  app.addHook('onRequest', (req, _reply, done) => {
    req.regioScope = new RegioScope();
    req.regioScope.run(done);
  });
  app.addHook('preValidation', (req, _reply, done) => {
    req.regioScope.run(done);
  });

  const routeGates = new Map<string, readonly Action[] | 'signed-in' | 'public'>();
  app.decorate('routeGates', routeGates);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    const c = r.config ?? {};
    const gate = c.public ? 'public' : c.signedIn || c.mfaStep ? 'signed-in' : c.action ? ([] as Action[]).concat(c.action) : undefined;
    if (!gate) throw new Error(`${String(r.method)} ${r.url}: declare config.action (the permission it needs), config.signedIn or config.public`);
    for (const m of ([] as string[]).concat(r.method)) if (m !== 'HEAD') routeGates.set(`${m} ${r.url}`, gate);
  });

  app.decorate('authorize', (req: FastifyRequest, action: Action): Actor => {
    if (!req.actor) throw unauthenticated();
    if (!can(req.actor, action)) throw forbidden('U heeft geen toestemming voor deze handeling.');
    return req.actor;
  });

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const config = req.routeOptions.config;
    // A file of the web app or the API description: nobody to recognise (no session lookup per asset).
    if (config?.public && config.anonymous) return;
    const authz = req.headers.authorization;
    if (authz?.startsWith('Bearer ')) {
      const key = authz.slice(7).trim();
      const client = key ? await findApiClientByKeyHash(app.db.db, sha256(key)) : undefined;
      if (client) {
        req.actor = { type: 'client', id: client.id, naam: client.naam, scopes: client.scopes, kanalen: client.kanalen };
        req.regioScope.regio = client.regio;
      }
    } else {
      const token = req.cookies[cookieName];
      if (token) {
        const s = await touchSession(app.db.db, sha256(token), opts.idleMinutes);
        if (s) {
          const u = s.user;
          req.sessionUser = {
            id: u.id,
            naam: u.naam,
            email: u.email,
            roles: u.roles,
            teamId: u.teamId,
            otherTeamIds: u.otherTeamIds,
            teamKind: u.teamKind,
            teamNaam: u.teamNaam,
            gemeente: u.gemeente,
            gemeenteNaam: u.gemeenteNaam,
          };
          req.csrfToken = s.csrfToken;
          req.mfaPending = s.mfaPending;
          req.totpEnabled = s.totpEnabled;
          req.actor = { type: 'user', id: u.id, roles: u.roles, teamId: u.teamId, otherTeamIds: u.otherTeamIds, gemeente: u.gemeente };
          req.regioScope.regio = s.regio;
        }
      }
    }
    if (config?.public) return;
    if (!req.actor) throw unauthenticated();
    if (req.mfaPending && !config?.mfaStep) {
      throw new HttpError(401, 'MFA_REQUIRED', 'Bevestig eerst uw aanmelding met de code uit uw authenticator-app.');
    }
    // A cookie session must prove each state change comes from our own page (api.md, Conventions).
    if (req.actor.type === 'user' && MUTATING.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw forbidden('CSRF-token ontbreekt of klopt niet.');
    }
    if (config?.action) for (const a of ([] as Action[]).concat(config.action)) app.authorize(req, a);
  });
});
