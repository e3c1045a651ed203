// The configuration is declared once for every process, in db/src/config.ts (the workers and the CLIs read the same
// schema); the API imports it from here.
export { ConfigError, configTable, loadConfig, readEnv, type Config } from '@vt/db/config';
