// The configuration of every process (API, workers, CLIs), declared once (issue #15): each environment variable
// with its type, range, default and meaning, as a TypeBox schema. It is read and validated once at start-up; a wrong
// value stops the process with one line; no secret has a default that could reach production. The README's
// configuration table is generated from this schema (`npm run docs:config`; a test keeps them equal).
import { Type, type Static, type TSchema } from 'typebox';
import { STANDAARD_OPENINGSTIJDEN, parseOpeningstijden } from './domain/openingstijden.ts';
import { parseKeys } from './security/cipher.ts';

export class ConfigError extends Error {}

/** What the README table and the production check need beside the schema's own keywords. */
interface Meta {
  /** The default as the README shows it, when it is not a plain value (a computed or a development default). */
  'x-shown'?: string;
  /** Required when NODE_ENV=production: the line the process stops with when it is missing. */
  'x-production'?: string;
}
type Described = TSchema & Meta & { description?: string; default?: unknown; minimum?: number; maximum?: number };

const int = (min: number, max: number, dflt: number, description: string, m: Meta = {}) => Type.Integer({ minimum: min, maximum: max, default: dflt, description, ...m });
const bool = (dflt: boolean, description: string, m: Meta = {}) => Type.Boolean({ default: dflt, description, ...m });
const str = (dflt: string, description: string, m: Meta = {}) => Type.String({ default: dflt, description, ...m });
/** A URL of one of `protocols`; absent unless set. */
const url = (protocols: string[], description: string, m: Meta = {}) => Type.Optional(Type.String({ format: 'uri', description, 'x-protocols': protocols, ...m }));
/** A key list (`id:base64key,…`, cipher.ts parseKeys); absent unless set. */
const keys = (description: string, m: Meta = {}) => Type.Optional(Type.String({ description, 'x-keys': true, ...m }));
const oneOf = <T extends string>(values: readonly T[], dflt: T, description: string) => Type.Unsafe<T>({ anyOf: values.map((v) => ({ type: 'string', const: v })), default: dflt, description });

/** `host:port,host:port` (a Sentinel set, a Cluster's seed nodes). */
const HOST_LIST = '^[A-Za-z0-9.:\\[\\]-]+(,[A-Za-z0-9.:\\[\\]-]+)*$';

/** Every variable a process of this product reads. */
export const configSchema = Type.Object({
  NODE_ENV: oneOf(['development', 'production', 'test'] as const, 'development', '`production` turns on secure cookies, HSTS and the second factor, and refuses demo data'),
  PORT: int(0, 65535, 3000, 'HTTP port for API and web app'),
  HOST: str('0.0.0.0', 'listen address'),
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'Postgres connection string, honoured whole', { 'x-shown': '*(embedded Postgres)*', 'x-production': 'DATABASE_URL is required when NODE_ENV=production' }),
  DATABASE_READ_URL: url(['postgres:', 'postgresql:'], 'a streaming replica for the dashboards, reports and managers\' lists, which may lag a few seconds (never case reads or decisions); unset, they read from `DATABASE_URL`', { 'x-shown': '*(the primary)*' }),
  DATABASE_PREPARED_STATEMENTS: bool(true, 'named prepared statements per connection (faster reads); `0` behind a pooler in transaction mode that cannot keep them (PgBouncer before 1.21; README, Running at scale)'),
  MIGRATE_ON_START: bool(true, 'each process migrates the database at start (under a lock); `0` for processes behind a transaction pooler, where a session lock cannot hold: a release job or a worker on a direct connection migrates'),
  REGIOS: Type.Optional(Type.String({ pattern: '^(0[1-9]|1\\d|2[0-5])(,(0[1-9]|1\\d|2[0-5]))*$', description: 'the Veilig Thuis regions on this deployment (veiligheidsregio numbers, `05,04`): every request then runs as the role `vt_app` in its caller\'s region, and row-level security keeps each region\'s cases from the others (db/docs/multi-region.md)', 'x-shown': '*(none: one region)*' })),
  DATABASE_WAIT_SECONDS: int(1, 3600, 60, 'how long start-up waits for Postgres before it gives up'),
  REDIS_URL: url(['redis:', 'rediss:'], 'Redis connection string, database number included', { 'x-shown': '*(local redis-server on 6380)*', 'x-production': 'REDIS_URL is required when NODE_ENV=production' }),
  REDIS_SENTINELS: Type.Optional(Type.String({ pattern: HOST_LIST, description: '`host:port,host:port` of a Redis Sentinel set; the product then connects to the master the sentinels name, and follows it on failover (`REDIS_URL` gives only the database number and password)', 'x-shown': '*(none: `REDIS_URL`)*' })),
  REDIS_SENTINEL_NAME: str('mymaster', 'the master\'s name in the Sentinel set (only with `REDIS_SENTINELS`)'),
  REDIS_SENTINEL_PASSWORD: Type.Optional(Type.String({ minLength: 1, description: 'password of the sentinels themselves, when they have one (only with `REDIS_SENTINELS`)', 'x-shown': '*(none)*' })),
  REDIS_CLUSTER_NODES: Type.Optional(Type.String({ pattern: HOST_LIST, description: '`host:port,…` of some nodes of a Redis Cluster (the client finds the rest); set `QUEUE_PREFIX` to a hash tag such as `{vt}` with it. `REDIS_URL` then gives only the user and password', 'x-shown': '*(none)*' })),
  QUEUE_PREFIX: Type.String({ default: 'vt', pattern: '^[A-Za-z0-9_{}.-]{1,40}$', description: 'prefix of the BullMQ queues and the live-events channel in Redis; on Redis Cluster a hash tag such as `{vt}`, so each queue\'s keys share a slot (BullMQ requires it)' }),
  EMBEDDED_PG_PORT: int(1, 65535, 54329, 'port of the embedded Postgres (only without `DATABASE_URL`)'),
  LOCAL_REDIS_PORT: int(1, 65535, 6380, 'port of the local redis-server (only without `REDIS_URL`)'),
  SEED_DEMO: bool(false, '`1` seeds the demo data into an external database too (refused in production)'),
  DEMO_PASSWORD: str('demo-veilig-thuis', 'password of the demo users'),
  DEMO_API_KEY: str('demo-politie-key', 'API key of the demo police client'),
  DATA_DIR: str('.data', 'where the embedded Postgres, the local Redis, the development keys and the development mail are kept'),
  DB_POOL_SIZE: int(1, 200, 10, 'Postgres connections of the API process'),
  TRIAGE_RECOVERY_SECONDS: int(5, 3600, 60, 'a melding still untriaged this long after it arrived is queued again (the way back from a Redis that lost jobs, e.g. in a failover); checked every half of it'),
  TRIAGE_CONCURRENCY: int(1, 200, 8, 'triage jobs one worker process runs at once'),
  REGIO_NAAM: str('Twente (VT)', "the region's name as CBS writes it (the Regio column of the delivery to CBS)"),
  CBS_MAPPING_FILE: Type.Optional(Type.String({ minLength: 1, description: "the organisation's own copy of the CBS mapping (labels and grouping of the half-year delivery; db/src/domain/cbs-beleidsinformatie.json is the default), checked at start-up", 'x-shown': '*(shipped mapping)*' })),
  WEB_CONCURRENCY: int(1, 64, 1, 'API processes `npm start` runs on the one port (node:cluster; each with its own workers when `RUN_WORKERS`)'),
  SHUTDOWN_DRAIN_SECONDS: int(0, 120, 0, 'on SIGTERM, readiness answers 503 for this long while requests are still served, so the load balancer stops sending new ones before the process stops taking them', { 'x-shown': '`0` (`5` in production)' }),
  CHAT_OPENINGSTIJDEN: Type.String({ default: STANDAARD_OPENINGSTIJDEN, description: 'when the web chat (`/chat`) is open, on the Amsterdam clock: `ma-vr 09:00-17:00`, blocks separated by `;` (`ma-zo 00:00-24:00`: day and night); outside them the page gives 0800-2000' }),
  CHAT_MAX_PER_ADVISEUR: int(1, 10, 3, 'chats one adviseur holds at once'),
  CHAT_SNELWEG_URL: Type.String({ default: 'https://www.google.nl/', format: 'uri', 'x-protocols': ['https:', 'http:'], description: 'where the chat\'s quick exit (*Snel weg*) takes the visitor: a neutral page that replaces the chat in the browser\'s history' }),
  PUBLIEK_MELDINGEN_PER_UUR: int(1, 10_000, 10, 'online meldingen (`/melden`) one address may send per hour; a busy school or hospital behind one address may need more'),
  RUN_WORKERS: bool(true, 'run the queue workers in the API process (`0` when a separate worker runs)'),
  OVERDRACHT_HERINNERING_WERKDAGEN: int(1, 60, 5, 'a handover is accepted within this many working days (its clock); after that it becomes a reminder'),
  MDO_TERMIJN_WERKDAGEN: int(1, 60, 5, 'a case routed to the MDO is discussed within this many working days of the beoordeling (regional; no law sets it)'),
  WACHTLIJST_START_WERKDAGEN: int(1, 120, 10, 'an onderzoek the MDO decided starts within this many working days (the wachtlijst onderzoek clock)'),
  RETENTION_ADVIES_YEARS: int(1, 100, 2, 'adviezen lose their identifying data and free text after this many years'),
  RETENTION_MELDING_YEARS: int(1, 100, 20, 'closed meldingen do so this many years after closing'),
  TOTP_REQUIRED: bool(false, 'staff whose role reads case files sign in with a TOTP code from an authenticator app', { 'x-shown': '`0` (always on in production)' }),
  DATA_ENCRYPTION_KEYS: keys('`id:base64key[,id:base64key…]`, 32-byte AES keys; the first seals new values, the others stay readable for rotation', {
    'x-shown': '*(development key in `DATA_DIR`)*',
    'x-production': 'DATA_ENCRYPTION_KEYS is required when NODE_ENV=production (see README, Security)',
  }),
  BLIND_INDEX_KEYS: keys('the same form, 32-byte HMAC keys for the radar’s blind indexes (a key of its own, never a data key)', {
    'x-shown': '*(development key in `DATA_DIR`)*',
    'x-production': 'BLIND_INDEX_KEYS is required when NODE_ENV=production (see README, Security)',
  }),
  SMTP_URL: url(['smtp:', 'smtps:'], '`smtp://` or `smtps://user:pass@host:port` for the mail the product sends (activation links, the melder\'s confirmation)', {
    'x-shown': '*(the local mail catcher)*',
    'x-production': 'SMTP_URL is required when NODE_ENV=production (activation links are mailed)',
  }),
  MAIL_CATCHER: oneOf(['maildev', 'files'] as const, 'maildev', 'without `SMTP_URL`, outside production: `maildev` runs a local mail catcher (MailDev) and sends the mail there, to read at http://127.0.0.1:`MAILDEV_WEB_PORT`; `files` writes each mail to `DATA_DIR/mail` (`.eml` and `.txt`)'),
  MAILDEV_WEB_PORT: int(1, 65535, 1080, 'the local mail catcher\'s web page (127.0.0.1 only)'),
  MAILDEV_SMTP_PORT: int(1, 65535, 1025, 'the local mail catcher\'s SMTP port (127.0.0.1 only)'),
  MAIL_FROM: str('Veilig Thuis backoffice <noreply@veiligthuis.invalid>', 'the sender of that mail'),
  PUBLIC_URL: url(['http:', 'https:'], 'where staff reach the web app, for the links in mail', {
    'x-shown': '`http://localhost:$PORT`',
    'x-production': 'PUBLIC_URL is required when NODE_ENV=production (the address in the links the product mails)',
  }),
  SESSION_IDLE_MINUTES: int(1, 24 * 60, 30, 'session idle timeout'),
  SESSION_ABSOLUTE_HOURS: int(1, 72, 12, 'session absolute timeout'),
  REQUEST_TIMEOUT_SECONDS: int(1, 600, 30, 'a request (headers and body) must arrive within this; slower ones get 408 (streams of live events are not cut)'),
  MAX_CONNECTIONS_PER_IP: int(1, 100_000, 50, 'sockets one address may hold at once (loopback and the trusted proxies are exempt)'),
  TRUST_PROXY: Type.String({ default: '0', description: '`1` trusts `X-Forwarded-*` from any hop; better, the proxies’ addresses or CIDRs (`10.0.0.5,10.1.0.0/16`), which are then also exempt from `MAX_CONNECTIONS_PER_IP`', 'x-trust-proxy': true }),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info', 'pino log level'),
});
export type ConfigEnv = Static<typeof configSchema>;

const TRUE = /^(1|true|yes|on)$/i;
const FALSE = /^(0|false|no|off)$/i;

/** One variable from its text, or a ConfigError that names it, its rule and what it got. */
function parseOne(name: string, schema: TSchema, raw: string | undefined): unknown {
  const s = schema as TSchema & { type?: string; pattern?: string; default?: unknown; minimum?: number; maximum?: number; anyOf?: { const: string }[]; 'x-protocols'?: string[]; 'x-keys'?: boolean; 'x-trust-proxy'?: boolean };
  if (raw === undefined || raw === '') return s.default;
  if (s.anyOf) {
    const allowed = s.anyOf.map((a) => a.const);
    if (!allowed.includes(raw)) throw new ConfigError(`${name} must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, got "${raw}"`);
    return raw;
  }
  if (s.type === 'integer') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < s.minimum! || n > s.maximum!) throw new ConfigError(`${name} must be an integer between ${s.minimum} and ${s.maximum}, got "${raw}"`);
    return n;
  }
  if (s.type === 'boolean') {
    if (TRUE.test(raw)) return true;
    if (FALSE.test(raw)) return false;
    throw new ConfigError(`${name} must be 1 or 0 (true or false), got "${raw}"`);
  }
  if (s['x-protocols']) {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(`${name} is not a valid URL`);
    }
    if (!s['x-protocols'].includes(parsed.protocol)) throw new ConfigError(`${name} must start with ${s['x-protocols'].join(' or ')}`);
    return raw;
  }
  if (s['x-keys']) {
    try {
      parseKeys(raw, name);
    } catch (err) {
      throw new ConfigError((err as Error).message);
    }
    return raw;
  }
  if (s['x-trust-proxy']) {
    if (FALSE.test(raw) || TRUE.test(raw)) return raw;
    for (const p of raw.split(',').map((x) => x.trim())) {
      if (!/^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(p) && !['loopback', 'linklocal', 'uniquelocal'].includes(p)) {
        throw new ConfigError(`TRUST_PROXY must be 0, 1 or a comma-separated list of addresses/CIDRs, got "${p}"`);
      }
    }
    return raw;
  }
  if (s.pattern && !new RegExp(s.pattern).test(raw)) throw new ConfigError(`${name} must match ${s.pattern}, got "${raw}"`);
  return raw;
}

/** Every variable of the schema read from `env`, defaults filled in, or the first wrong one as a ConfigError. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ConfigEnv {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(configSchema.properties)) out[name] = parseOne(name, schema, env[name]);
  const e = out as ConfigEnv;
  if (e.REDIS_CLUSTER_NODES && !/\{[^}]+\}/.test(e.QUEUE_PREFIX)) throw new ConfigError('QUEUE_PREFIX must hold a hash tag such as {vt} with REDIS_CLUSTER_NODES (BullMQ keeps each queue in one slot)');
  if (e.REDIS_CLUSTER_NODES && e.REDIS_SENTINELS) throw new ConfigError('REDIS_CLUSTER_NODES and REDIS_SENTINELS exclude each other');
  if (e.NODE_ENV === 'production') {
    if (e.SEED_DEMO) throw new ConfigError('SEED_DEMO cannot be used when NODE_ENV=production');
    if (env.TOTP_REQUIRED !== undefined && env.TOTP_REQUIRED !== '' && !e.TOTP_REQUIRED) throw new ConfigError('TOTP_REQUIRED cannot be switched off when NODE_ENV=production');
    for (const [name, schema] of Object.entries(configSchema.properties)) {
      const required = (schema as Described)['x-production'];
      // A Sentinel set or a Cluster names its nodes itself: REDIS_URL is then optional.
      if (name === 'REDIS_URL' && (e.REDIS_SENTINELS || e.REDIS_CLUSTER_NODES)) continue;
      if (required && out[name] === undefined) throw new ConfigError(required);
    }
  }
  return e;
}

/** The configuration as the code uses it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = readEnv(env);
  const production = e.NODE_ENV === 'production';
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    databaseWaitSeconds: e.DATABASE_WAIT_SECONDS,
    /** Several regions on one deployment (db/src/regions.ts): their codes, or undefined for one region. */
    regios: e.REGIOS ? [...new Set(e.REGIOS.split(','))] : undefined,
    dbPrepare: e.DATABASE_PREPARED_STATEMENTS,
    migrateOnStart: e.MIGRATE_ON_START,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    /** Redis as a Cluster or a Sentinel set (workers/src/redis.ts), when REDIS_CLUSTER_NODES or REDIS_SENTINELS is given. */
    redisClusterNodes: e.REDIS_CLUSTER_NODES,
    redisSentinels: e.REDIS_SENTINELS ? { list: e.REDIS_SENTINELS, name: e.REDIS_SENTINEL_NAME, password: e.REDIS_SENTINEL_PASSWORD } : undefined,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    localRedisPort: e.LOCAL_REDIS_PORT,
    seedDemo: e.SEED_DEMO,
    demoPassword: e.DEMO_PASSWORD,
    demoApiKey: e.DEMO_API_KEY,
    dataDir: e.DATA_DIR,
    dbPoolSize: e.DB_POOL_SIZE,
    triageConcurrency: e.TRIAGE_CONCURRENCY,
    triageRecoveryMs: e.TRIAGE_RECOVERY_SECONDS * 1000,
    cbsMappingFile: e.CBS_MAPPING_FILE,
    regioNaam: e.REGIO_NAAM,
    // The test runner keeps quiet unless asked.
    logLevel: env.LOG_LEVEL ? e.LOG_LEVEL : e.NODE_ENV === 'test' ? 'silent' : e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: TRUE.test(e.TRUST_PROXY) ? true : FALSE.test(e.TRUST_PROXY) ? false : e.TRUST_PROXY.split(',').map((x) => x.trim()).join(','),
    requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
    maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
    runWorkers: e.RUN_WORKERS,
    webConcurrency: e.WEB_CONCURRENCY,
    publiekMeldingenPerUur: e.PUBLIEK_MELDINGEN_PER_UUR,
    chatOpeningstijden: (() => {
      try {
        return parseOpeningstijden(e.CHAT_OPENINGSTIJDEN);
      } catch (err) {
        throw new ConfigError(`CHAT_OPENINGSTIJDEN: ${(err as Error).message}`);
      }
    })(),
    chatMaxPerAdviseur: e.CHAT_MAX_PER_ADVISEUR,
    chatSnelwegUrl: e.CHAT_SNELWEG_URL,
    drainSeconds: production && !env.SHUTDOWN_DRAIN_SECONDS ? 5 : e.SHUTDOWN_DRAIN_SECONDS,
    /** Staff whose role reads case files must sign in with TOTP. Always on in production. */
    totpRequired: production || e.TOTP_REQUIRED,
    dataKeys: e.DATA_ENCRYPTION_KEYS,
    indexKeys: e.BLIND_INDEX_KEYS,
    /** Retention terms in years (domain.md: adviezen 2, meldingen up to 20, counted from closing). */
    retention: { adviesYears: e.RETENTION_ADVIES_YEARS, meldingYears: e.RETENTION_MELDING_YEARS },
    overdrachtHerinneringWerkdagen: e.OVERDRACHT_HERINNERING_WERKDAGEN,
    /** The clocks of the steps the law sets no term for (domain/deadlines.ts, `klokken`). */
    klokken: { mdoWerkdagen: e.MDO_TERMIJN_WERKDAGEN, wachtlijstWerkdagen: e.WACHTLIJST_START_WERKDAGEN, overdrachtWerkdagen: e.OVERDRACHT_HERINNERING_WERKDAGEN },
    smtpUrl: e.SMTP_URL,
    mailCatcher: e.MAIL_CATCHER,
    maildevWebPort: e.MAILDEV_WEB_PORT,
    maildevSmtpPort: e.MAILDEV_SMTP_PORT,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
  };
}
export type Config = ReturnType<typeof loadConfig>;

/** The README's configuration table, from the schema. */
export function configTable(): string {
  const rows = Object.entries(configSchema.properties).map(([name, schema]) => {
    const s = schema as Described;
    const dflt = s['x-shown'] ?? (s.default === undefined ? '' : typeof s.default === 'boolean' ? `\`${s.default ? 1 : 0}\`` : `\`${String(s.default)}\``);
    const range = s.minimum !== undefined ? ` (${s.minimum}–${s.maximum})` : '';
    return `| \`${name}\` | ${dflt} | ${s.description ?? ''}${range}${s['x-production'] ? '; required in production' : ''} |`;
  });
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
