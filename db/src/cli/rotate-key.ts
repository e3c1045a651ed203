// `npm run db:rotate-key`: re-seals all data at rest under the first key of DATA_ENCRYPTION_KEYS and rebuilds the
// radar's blind indexes under the first key of BLIND_INDEX_KEYS.
//   1. make a new key:           npm run db:rotate-key -- --new-key k2         (prints k2:<base64>, changes nothing)
//                                npm run db:rotate-key -- --new-index-key i2   (the same, for BLIND_INDEX_KEYS)
//   2. put it first:             DATA_ENCRYPTION_KEYS=k2:…,k1:…  or  BLIND_INDEX_KEYS=i2:…,i1:…   (restart the app)
//   3. re-seal and re-index:     DATABASE_URL=… DATA_ENCRYPTION_KEYS=… BLIND_INDEX_KEYS=… npm run db:rotate-key
//   4. when it reports 0 left, drop the old key from its list.
import { createDb } from '../client.ts';
import { amsterdamDate } from '../domain/calendar.ts';
import { newKeySpec } from '../security/cipher.ts';
import { cipherFromEnv } from '../security/keys.ts';
import { rotateKeys } from '../security/rotate.ts';
import { cliConfig } from './config.ts';

const args = process.argv.slice(2);
for (const flag of ['--new-key', '--new-index-key']) {
  const at = args.indexOf(flag);
  if (at >= 0) {
    const id = args[at + 1] ?? `${flag === '--new-key' ? 'k' : 'i'}${amsterdamDate(new Date()).replaceAll('-', '')}`;
    console.log(newKeySpec(id));
    process.exit(0);
  }
}
const url = cliConfig({ databaseUrl: 'Set DATABASE_URL (and DATA_ENCRYPTION_KEYS / BLIND_INDEX_KEYS with the new key first).' }).databaseUrl;
const cipher = cipherFromEnv(process.env, (m) => console.warn(m));
const handle = createDb(url, { max: 2, applicationName: 'veilig-thuis-rotate-key' });
const started = Date.now();
const report = await rotateKeys(handle.db, cipher);
await handle.close();
console.log(`Re-sealed ${report.resealed} values under key "${report.currentKeyId}" and rebuilt ${report.reindexed} blind indexes under key "${report.currentIndexKeyId}" in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
for (const [table, n] of Object.entries(report.byTable)) console.log(`  ${table.padEnd(22)} ${n}`);
for (const [table, n] of Object.entries(report.reindexedByTable)) console.log(`  ${`${table} (index)`.padEnd(22)} ${n}`);
