// `npm run db:rotate-key`: re-seals all free text at rest under the first key of DATA_ENCRYPTION_KEYS.
//   1. make a new key:           npm run db:rotate-key -- --new-key k2   (prints k2:<base64>, changes nothing)
//   2. put it first:             DATA_ENCRYPTION_KEYS=k2:…,k1:…   (restart the app: new values use k2)
//   3. re-seal the old values:   DATABASE_URL=… DATA_ENCRYPTION_KEYS=k2:…,k1:… npm run db:rotate-key
//   4. when it reports 0 left, drop k1 from DATA_ENCRYPTION_KEYS.
import { createDb } from '../client.ts';
import { newKeySpec } from '../security/cipher.ts';
import { cipherFromEnv } from '../security/keys.ts';
import { rotateKeys } from '../security/rotate.ts';

const args = process.argv.slice(2);
const newKey = args.indexOf('--new-key');
if (newKey >= 0) {
  const id = args[newKey + 1] ?? `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  console.log(newKeySpec(id));
  process.exit(0);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL (and DATA_ENCRYPTION_KEYS with the new key first).');
  process.exit(1);
}
const cipher = cipherFromEnv(process.env, (m) => console.warn(m));
const handle = createDb(url, { max: 2, applicationName: 'veilig-thuis-rotate-key' });
const started = Date.now();
const report = await rotateKeys(handle.db, cipher);
await handle.close();
console.log(`Re-sealed ${report.resealed} values under key "${report.currentKeyId}" in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
for (const [table, n] of Object.entries(report.byTable)) console.log(`  ${table.padEnd(16)} ${n}`);
