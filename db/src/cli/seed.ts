// `npm run db:seed`: demo data into DATABASE_URL (default: the local test database). Refuses production.
import { createDb } from '../client.ts';
import { runMigrations } from '../migrate.ts';
import { seedDemo } from '../seed.ts';
import { useFieldCipher } from '../security/field-cipher.ts';
import { cipherFromEnv } from '../security/keys.ts';
import { cliConfig } from './config.ts';

if (process.env.NODE_ENV === 'production') {
  console.error('db:seed refuses to run with NODE_ENV=production: demo data never goes into production.');
  process.exit(1);
}
const config = cliConfig({ databaseUrl: 'Set DATABASE_URL (npm start seeds its embedded database by itself).' });
const url = config.databaseUrl;
// The same keys as the server (DATA_ENCRYPTION_KEYS, or the development key in DATA_DIR).
useFieldCipher(cipherFromEnv(process.env, (m) => console.warn(m)));
await runMigrations(url);
const handle = createDb(url, { max: 2 });
const result = await seedDemo(handle.db, { demoPassword: config.demoPassword, demoApiKey: config.demoApiKey });
await handle.close();
console.log(`Demo data seeded: ${result.users} users, ${result.adviezen} adviezen, ${result.meldingen} meldingen.`);
