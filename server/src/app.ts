// The application as one plugin tree (after fastify/demo): external plugins, then app plugins, then routes.
// server/src/main.ts starts it; tests build it with app.inject.
import { fileURLToPath } from 'node:url';
import autoload from '@fastify/autoload';
import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyReply } from 'fastify';
import type { Queue } from 'bullmq';
import { cachedKalender, loadCbsMapping, useFieldCipher, type CbsMapping, type DbHandle, type FieldCipher, type KalenderSource } from '@vt/db';
import { eventsChannel, redisDb, type RedisClient } from '@vt/workers';
import type { Config } from './config.ts';
import type { RouteOptions } from './types.ts';
import { unavailable } from './errors.ts';
import { createLimitedServer, type ConnectionLimits, type SwitchableServer } from './infra/http-server.ts';
import { Phase } from './infra/phase.ts';
import { memoryMailer, type Mailer } from './services/mail.ts';
import { ChatHub } from './services/chat.ts';
import { STANDAARD_OPENINGSTIJDEN, parseOpeningstijden, type OpeningsBlok } from '@vt/db/domain';
import authPlugin from './plugins/app/auth.ts';
import caseAccessPlugin from './plugins/app/case-access.ts';
import errorsPlugin from './plugins/app/errors.ts';
import docsPlugin from './plugins/external/docs.ts';
import securityPlugin from './plugins/external/security.ts';
import validationPlugin from './plugins/external/validation.ts';
import rateLimitPlugin from './plugins/external/rate-limit.ts';
import webPlugin from './plugins/external/web.ts';
import queueBoard from './routes/queues.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: DbHandle;
    /** The streaming replica (DATABASE_READ_URL) for reads that may lag a few seconds, else the primary (services/read.ts). */
    readDb: DbHandle;
    redis: RedisClient;
    redisKeyPrefix: string;
    eventsChannel: string;
    kalender: KalenderSource;
    cipher: FieldCipher;
    mailer: Mailer;
    /** The CBS delivery's mapping (CBS_MAPPING_FILE or the shipped one), checked when the app is built. */
    cbsMapping: CbsMapping;
    /** The region's name as CBS writes it (REGIO_NAAM). */
    regioNaam: string;
    /** starting, ready or draining: what readiness reports (infra/phase.ts). */
    phase: Phase;
    /** The web chat between visitors and adviseurs, across API processes (services/chat.ts). */
    chat: ChatHub;
  }
}

export interface AppDeps {
  config: Pick<Config, 'nodeEnv' | 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'trustProxy'> & {
    logLevel: string;
    totpRequired?: boolean;
    overdrachtHerinneringWerkdagen?: number;
    /** Online meldingen (POST /api/publiek/meldingen) per address and hour (default 10), and the least seconds a
     *  form takes to fill in (default 5; a robot posts at once). */
    publiekMeldingenPerUur?: number;
    publiekMinSeconden?: number;
    /** Requests per minute from one address without a session or API key (default 120). */
    unauthenticatedPerMinute?: number;
    /** Time to receive a whole request, headers and body (default 30 s), and sockets one address may hold (50). */
    requestTimeoutMs?: number;
    maxConnectionsPerIp?: number;
    exemptLoopback?: boolean;
    /** The organisation's own CBS mapping file (default: the shipped one). */
    cbsMappingFile?: string | undefined;
    regioNaam?: string;
    /** The web chat's opening hours (default ma-vr 09:00-17:00), chats per adviseur (3), and how long a chat waits
     *  for a visitor who dropped out (180 s). */
    chatOpeningstijden?: readonly OpeningsBlok[];
    chatMaxPerAdviseur?: number;
    chatResumeSeconds?: number;
    /** Where the quick exit goes (default https://www.google.nl/). */
    chatSnelwegUrl?: string;
  };
  db: DbHandle;
  /** A read replica for the dashboards, reports and managers' lists (services/read.ts); the primary when absent. */
  readDb?: DbHandle;
  /** Seals secrets and free text at rest (DATA_ENCRYPTION_KEYS). */
  cipher: FieldCipher;
  redis: RedisClient;
  /** The queues shown on the admin board at /admin/queues (when the workers run in this process). */
  queues?: Queue[];
  /** The BullMQ prefix of the workers this API runs with (default `vt`); it names the live-events channel. */
  queuePrefix?: string;
  /** Namespace of the API's own Redis keys (login counters); tests give each app its own. */
  redisKeyPrefix?: string;
  /** Where the built web app is; false for none (tests). */
  webRoot?: string | false;
  /** Sends the product's mail (activation links); in memory when not given (tests read `app.mailer.sent`). */
  mailer?: Mailer;
  /** The address staff reach the web app at, for links in mail (default http://localhost:3000). */
  publicUrl?: string;
  /** A pino logger to use instead of one built from the config. */
  loggerInstance?: FastifyBaseLogger;
  /**
   * The server main.ts listens on from the first moment (infra/http-server.ts); without it fastify gets a server of
   * its own and `listen` is called as usual (tests).
   */
  server?: SwitchableServer;
  /** The process's phase (main.ts moves it); without it the app is ready as soon as it is built. */
  phase?: Phase;
}

/** The HTTP server's limits from the configuration (REQUEST_TIMEOUT_SECONDS, MAX_CONNECTIONS_PER_IP, TRUST_PROXY). */
export function connectionLimits(config: AppDeps['config']): ConnectionLimits {
  return {
    requestTimeoutMs: config.requestTimeoutMs ?? 30_000,
    maxConnectionsPerIp: config.maxConnectionsPerIp ?? 50,
    trustProxy: config.trustProxy,
    ...(config.exemptLoopback === undefined ? {} : { exemptLoopback: config.exemptLoopback }),
  };
}

/**
 * Whether this module runs from its TypeScript source (tsx, vitest) rather than the esbuild bundle. Autoload then
 * loads .ts files: tsx registers through `--import`, which autoload does not detect, hence its documented override.
 */
const SOURCE = import.meta.url.endsWith('.ts');
if (SOURCE) process.env.FASTIFY_AUTOLOAD_TYPESCRIPT ??= '1';

/** Paths whose values must never reach a log line. */
export const logRedact = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

/**
 * What a request and a reply say in the log: the method, the route pattern the router matched and the status —
 * never the URL with its ids and query string, never the client's address (the audit trail keeps that where an
 * access needs it).
 */
export const logSerializers = {
  req: (req: { method?: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url ?? null }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

export async function buildApp(deps: AppDeps) {
  const production = deps.config.nodeEnv === 'production';
  const app = Fastify({
    ...(deps.loggerInstance
      ? { loggerInstance: deps.loggerInstance.child({}, { serializers: logSerializers }) }
      : { logger: { level: deps.config.logLevel, redact: logRedact, serializers: logSerializers } }),
    trustProxy: deps.config.trustProxy,
    serverFactory: (handler) => (deps.server ? deps.server.factory(handler) : createLimitedServer(connectionLimits(deps.config), handler)),
    bodyLimit: 256 * 1024,
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: false,
    // A URL the router cannot even decode (`/api/%FF%FE`) is a 400 in the contract's shape, the path not echoed.
    frameworkErrors: (err, _req, reply) => {
      const bad = err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_ASYNC_CONSTRAINT';
      const body = bad
        ? { statusCode: 400, code: 'VALIDATION', message: 'Het adres van het verzoek is ongeldig.' }
        : { statusCode: 500, code: 'INTERNAL', message: 'Er ging iets mis aan onze kant. Het is gelogd.' };
      void (reply as unknown as FastifyReply).code(body.statusCode).type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Graceful stop: requests already running finish, and their answers ask the client to close the connection, so
  // keep-alive sockets do not hold the shutdown open for the 72 s of fastify's keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  // A request that arrives while the server stops gets the contract's 503 with Retry-After (not fastify's own body).
  app.addHook('onRequest', async () => {
    if (closing) throw unavailable('De server wordt opnieuw gestart. Probeer het zo opnieuw.');
  });

  // JSON only: anything else is a 415, not a string that fails validation later.
  app.removeContentTypeParser('text/plain');
  app.decorate('db', deps.db);
  app.decorate('readDb', deps.readDb ?? deps.db);
  app.decorate<RedisClient>('redis', deps.redis);
  app.decorate('redisKeyPrefix', deps.redisKeyPrefix ?? 'vt:');
  app.decorate('eventsChannel', eventsChannel(deps.queuePrefix ?? 'vt', redisDb(deps.redis)));
  app.decorate('kalender', cachedKalender(deps.db.db));
  app.decorate('cipher', deps.cipher);
  app.decorate('phase', deps.phase ?? new Phase('ready'));
  app.decorate('mailer', deps.mailer ?? memoryMailer());
  app.decorate('cbsMapping', loadCbsMapping(deps.config.cbsMappingFile));
  app.decorate('regioNaam', deps.config.regioNaam ?? 'Twente (VT)');
  app.decorate(
    'chat',
    // The chat's keys follow the queues' prefix (QUEUE_PREFIX): deployments sharing a Redis keep apart.
    new ChatHub(deps.redis, deps.db.db, deps.redisKeyPrefix ?? `${deps.queuePrefix ?? 'vt'}:`, {
      openingstijden: deps.config.chatOpeningstijden ?? parseOpeningstijden(STANDAARD_OPENINGSTIJDEN),
      maxPerAdviseur: deps.config.chatMaxPerAdviseur ?? 3,
      resumeSeconds: deps.config.chatResumeSeconds ?? 180,
      snelwegUrl: deps.config.chatSnelwegUrl ?? 'https://www.google.nl/',
    }, app.log),
  );
  app.addHook('onClose', () => app.chat.close());
  useFieldCipher(deps.cipher);

  await app.register(validationPlugin);
  await app.register(errorsPlugin);
  await app.register(cookie);
  await app.register(securityPlugin, { production });
  await app.register(docsPlugin);
  await app.register(authPlugin, { production, idleMinutes: deps.config.sessionIdleMinutes });
  await app.register(caseAccessPlugin);
  await app.register(rateLimitPlugin, { unauthenticatedPerMinute: deps.config.unauthenticatedPerMinute ?? 120 });
  // WebSockets for the web chat: small frames only (a chat message is at most CHAT_MAX_TEKST characters).
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });

  // Every route lives in the folder of its URL under routes/api (folder = URL prefix, `_id` = `:id`), loaded by
  // @fastify/autoload: a new route is a new file, with no list to keep here (issue #15).
  const routeOptions: RouteOptions = {
    production,
    absoluteHours: deps.config.sessionAbsoluteHours,
    totpRequired: deps.config.totpRequired ?? production,
    publicUrl: deps.publicUrl ?? 'http://localhost:3000',
    overdrachtWerkdagen: deps.config.overdrachtHerinneringWerkdagen ?? 5,
    publiek: { perUur: deps.config.publiekMeldingenPerUur ?? 10, minSeconden: deps.config.publiekMinSeconden ?? 5 },
  };
  await app.register(autoload, {
    dir: fileURLToPath(new URL('./routes/api', import.meta.url)),
    routeParams: true,
    autoHooks: true,
    cascadeHooks: true,
    // The bundle (npm start) holds the compiled files; from source they are TypeScript.
    ...(SOURCE ? { matchFilter: (path: string) => path.endsWith('.ts') && !path.endsWith('.test.ts') } : { matchFilter: (path: string) => path.endsWith('.mjs') }),
    options: { prefix: '/api', ...routeOptions },
  });

  if (deps.queues?.length) await app.register(queueBoard, { queues: deps.queues });

  if (deps.webRoot !== false) {
    await app.register(webPlugin, { root: deps.webRoot ?? fileURLToPath(new URL('../../web/dist', import.meta.url)) });
  }
  return app;
}
