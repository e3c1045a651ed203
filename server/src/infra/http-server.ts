// The HTTP server under fastify, with limits a slow or greedy client cannot wear down (issue #14, finding 10): a
// request (headers and body) must arrive within REQUEST_TIMEOUT_SECONDS, checked every second, else Node answers 408
// and closes the socket; and one address may hold at most MAX_CONNECTIONS_PER_IP sockets at once. Long-lived
// streams (SSE) are not cut: the request timeout covers receiving the request, not the answer. Loopback and the
// trusted proxies (TRUST_PROXY as a list of addresses) are exempt from the per-address cap: behind a proxy every
// client arrives from its address, and the client's own address is only known from X-Forwarded-For.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

export interface ConnectionLimits {
  requestTimeoutMs: number;
  maxConnectionsPerIp: number;
  /** As fastify's trustProxy: true trusts every hop (then no address can be told from a proxy, so none is capped). */
  trustProxy: boolean | string;
  /** Loopback is exempt by default (health checks, a local proxy); tests switch it off to exercise the cap. */
  exemptLoopback?: boolean;
}

const loopback = proxyAddr.compile(['loopback']);

export function createLimitedServer(limits: ConnectionLimits, handler: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.requestTimeoutMs, 10_000),
      // Node looks for requests past their time once per interval (30 s by default): a second keeps it to the limit.
      connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs),
    },
    handler,
  );
  const trusted = typeof limits.trustProxy === 'string' ? proxyAddr.compile(limits.trustProxy.split(',').map((s) => s.trim()).filter(Boolean)) : () => limits.trustProxy === true;
  const exempt = (addr: string) => (limits.exemptLoopback !== false && loopback(addr, 0)) || trusted(addr, 0);
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const addr = socket.remoteAddress ?? '';
    if (exempt(addr)) return;
    const n = (open.get(addr) ?? 0) + 1;
    if (n > limits.maxConnectionsPerIp) {
      socket.destroy();
      return;
    }
    open.set(addr, n);
    socket.once('close', () => {
      const left = (open.get(addr) ?? 1) - 1;
      if (left <= 0) open.delete(addr);
      else open.set(addr, left);
    });
  });
  return server;
}

/**
 * A server that listens before the application exists (main.ts): it answers with `first` until `activate` hands it
 * the handler fastify gave its serverFactory, once the application is ready. Fastify does not close a server that a
 * serverFactory made and it did not listen on, so `close` is ours to call.
 */
export interface SwitchableServer {
  server: Server;
  /** fastify's serverFactory: keeps fastify's handler for later and returns the server. */
  factory(handler: (req: IncomingMessage, res: ServerResponse) => void): Server;
  /** From now on every request goes to fastify. */
  activate(): void;
  listen(port: number, host: string): Promise<void>;
  close(): Promise<void>;
}

export function createSwitchableServer(limits: ConnectionLimits, first: (req: IncomingMessage, res: ServerResponse) => void): SwitchableServer {
  let current = first;
  let pending: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createLimitedServer(limits, (req, res) => current(req, res));
  return {
    server,
    factory(handler) {
      pending = handler;
      return server;
    },
    activate() {
      if (!pending) throw new Error('the application has not been built on this server');
      current = pending;
    },
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        // Idle keep-alive sockets would hold the close open; running requests finish first.
        server.closeIdleConnections();
      }),
  };
}
