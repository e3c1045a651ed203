// The configuration for a command-line tool: the same schema as the processes (db/src/config.ts), one line and exit
// code 1 when a value is wrong, and the database URL the tool needs.
import { ConfigError, loadConfig, type Config } from '../config.ts';

export function cliConfig(needs: { databaseUrl: string }): Config & { databaseUrl: string } {
  let c: Config;
  try {
    c = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`Configuration error: ${err.message}`);
    process.exit(1);
  }
  if (!c.databaseUrl) {
    console.error(needs.databaseUrl);
    process.exit(1);
  }
  return c as Config & { databaseUrl: string };
}
