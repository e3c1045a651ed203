// Where a process is in its life, for the load balancer (issue #19, zero-downtime deploys): `starting` while it
// waits for Postgres, migrates and seeds; `ready` while it serves; `draining` from SIGTERM until it stops. The HTTP
// server listens from the first moment (main.ts), so `/api/health/live` answers during a long wait for Postgres and
// `/api/health/ready` says 503 with the reason; and on SIGTERM readiness turns 503 while requests are still served,
// so the load balancer takes the process out of rotation before it stops accepting them.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type PhaseName = 'starting' | 'ready' | 'draining';
export type ServiceState = 'ok' | 'down';

export class Phase {
  constructor(public name: PhaseName = 'starting') {}
  /** What start-up knows so far: a service is `down` until it has answered once. */
  readonly services: { postgres: ServiceState; redis: ServiceState } = { postgres: 'down', redis: 'down' };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'close', ...headers });
  res.end(JSON.stringify(body));
};

const STARTING_PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Veilig Thuis backoffice start op</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>De backoffice start op</h1>
<p>Deze pagina ververst zichzelf over een paar seconden. Direct gevaar? Bel 112. Veilig Thuis: 0800-2000.</p>
</body></html>`;

/**
 * What the server answers before the application is built: liveness yes, readiness 503 with what is known, every
 * other request 503 in the contract's error shape (a browser gets a page that refreshes itself).
 */
export function startingHandler(phase: Phase) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/$/, '');
    if (path === '/api/health/live') return json(res, 200, { status: 'ok' });
    if (path === '/api/health/ready') return json(res, 503, { status: phase.name, ...phase.services });
    if (req.method === 'GET' && !path.startsWith('/api') && (req.headers.accept ?? '').includes('text/html')) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '5', connection: 'close' });
      return res.end(STARTING_PAGE);
    }
    json(res, 503, { statusCode: 503, code: 'UNAVAILABLE', message: 'De server start op. Probeer het zo opnieuw.' }, { 'retry-after': '5' });
  };
}
