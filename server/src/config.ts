// Configuration is read and validated once at start-up; a wrong value stops the process with one clear line.
// No secret has a default that could reach production.
import { parseKeys } from '@vt/db';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  seedDemo: boolean;
  demoPassword: string;
  demoApiKey: string;
  dataDir: string;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** TRUST_PROXY: 0 (default), 1 (every hop), or the proxies' addresses/CIDRs, comma-separated. */
  trustProxy: boolean | string;
  requestTimeoutMs: number;
  maxConnectionsPerIp: number;
  runWorkers: boolean;
  /** Staff whose role reads case files must sign in with TOTP. Always on in production. */
  totpRequired: boolean;
  /** DATA_ENCRYPTION_KEYS (`id:base64key,…`, first is current); required in production, see main.ts otherwise. */
  dataKeys: string | undefined;
  /** BLIND_INDEX_KEYS (same form): the radar's keyed indexes of sealed addresses and names; required in production. */
  indexKeys: string | undefined;
  /** Retention terms in years (domain.md: adviezen 2, meldingen up to 20, counted from closing). */
  retention: { adviesYears: number; meldingYears: number };
  /** A handover not accepted within this many working days becomes a reminder. */
  overdrachtHerinneringWerkdagen: number;
  /** SMTP_URL (smtp:// or smtps://) for the mail the product sends; required in production (else files in DATA_DIR/mail). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** PUBLIC_URL: where staff reach the web app, for links in mail; required in production. */
  publicUrl: string;
}

export class ConfigError extends Error {}

const bool = (v: string | undefined, fallback: boolean) =>
  v === undefined || v === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

function int(name: string, v: string | undefined, fallback: number, min: number, max: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${v}"`);
  return n;
}

function url(name: string, v: string | undefined, protocols: string[]): string | undefined {
  if (v === undefined || v === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must start with ${protocols.join(' or ')}`);
  return v;
}

/** TRUST_PROXY as fastify takes it: a boolean, or a list of addresses and CIDRs (checked here, once). */
function trustProxy(v: string | undefined): boolean | string {
  if (v === undefined || v === '' || /^(0|false|no|off)$/i.test(v)) return false;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  const parts = v.split(',').map((s) => s.trim());
  for (const p of parts) {
    if (!/^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(p) && !['loopback', 'linklocal', 'uniquelocal'].includes(p)) {
      throw new ConfigError(`TRUST_PROXY must be 0, 1 or a comma-separated list of addresses/CIDRs, got "${p}"`);
    }
  }
  return parts.join(',');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';
  const databaseUrl = url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']);
  if (production && !databaseUrl) throw new ConfigError('DATABASE_URL is required when NODE_ENV=production');
  if (production && !redisUrl) throw new ConfigError('REDIS_URL is required when NODE_ENV=production');
  const smtpUrl = url('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']);
  if (production && !smtpUrl) throw new ConfigError('SMTP_URL is required when NODE_ENV=production (activation links are mailed)');
  const publicUrl = url('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:']);
  if (production && !publicUrl) throw new ConfigError('PUBLIC_URL is required when NODE_ENV=production (the address in the links the product mails)');
  const seedDemo = bool(env.SEED_DEMO, false);
  if (production && seedDemo) throw new ConfigError('SEED_DEMO cannot be used when NODE_ENV=production');
  const totpRequired = production || bool(env.TOTP_REQUIRED, false);
  if (production && env.TOTP_REQUIRED !== undefined && !bool(env.TOTP_REQUIRED, true)) {
    throw new ConfigError('TOTP_REQUIRED cannot be switched off when NODE_ENV=production');
  }
  const dataKeys = env.DATA_ENCRYPTION_KEYS || undefined;
  if (production && !dataKeys) throw new ConfigError('DATA_ENCRYPTION_KEYS is required when NODE_ENV=production (see README, Security)');
  const indexKeys = env.BLIND_INDEX_KEYS || undefined;
  if (production && !indexKeys) throw new ConfigError('BLIND_INDEX_KEYS is required when NODE_ENV=production (see README, Security)');
  try {
    if (dataKeys) parseKeys(dataKeys);
    if (indexKeys) parseKeys(indexKeys, 'BLIND_INDEX_KEYS');
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  return {
    nodeEnv,
    port: int('PORT', env.PORT, 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    redisUrl,
    seedDemo,
    demoPassword: env.DEMO_PASSWORD || 'demo-veilig-thuis',
    demoApiKey: env.DEMO_API_KEY || 'demo-politie-key',
    dataDir: env.DATA_DIR || '.data',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30, 1, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', env.SESSION_ABSOLUTE_HOURS, 12, 1, 72),
    trustProxy: trustProxy(env.TRUST_PROXY),
    requestTimeoutMs: int('REQUEST_TIMEOUT_SECONDS', env.REQUEST_TIMEOUT_SECONDS, 30, 1, 600) * 1000,
    maxConnectionsPerIp: int('MAX_CONNECTIONS_PER_IP', env.MAX_CONNECTIONS_PER_IP, 50, 1, 100_000),
    runWorkers: bool(env.RUN_WORKERS, true),
    totpRequired,
    dataKeys,
    indexKeys,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Veilig Thuis backoffice <noreply@veiligthuis.invalid>',
    publicUrl: (publicUrl ?? `http://localhost:${int('PORT', env.PORT, 3000, 0, 65535)}`).replace(/\/$/, ''),
    overdrachtHerinneringWerkdagen: int('OVERDRACHT_HERINNERING_WERKDAGEN', env.OVERDRACHT_HERINNERING_WERKDAGEN, 5, 1, 60),
    retention: {
      adviesYears: int('RETENTION_ADVIES_YEARS', env.RETENTION_ADVIES_YEARS, 2, 1, 100),
      meldingYears: int('RETENTION_MELDING_YEARS', env.RETENTION_MELDING_YEARS, 20, 1, 100),
    },
  };
}
