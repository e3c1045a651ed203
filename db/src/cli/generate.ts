// `npm run db:generate -- --years 10 --scale national`: synthetic history into DATABASE_URL for sizing and the
// dashboard benchmark (db/src/generate.ts). Runs the migrations and the demo reference data first. Refuses
// production, and refuses a database that already holds generated history unless --replace is given.
import { parseArgs } from 'node:util';
import { createDb } from '../client.ts';
import { generateHistory, SCALES, setReportTriggers, type Scale } from '../generate.ts';
import { runMigrations } from '../migrate.ts';
import { seedDemo } from '../seed.ts';
import { useFieldCipher } from '../security/field-cipher.ts';
import { cipherFromEnv } from '../security/keys.ts';
import { cliConfig } from './config.ts';

const { values } = parseArgs({
  options: { years: { type: 'string', default: '10' }, scale: { type: 'string', default: 'national' }, replace: { type: 'boolean', default: false } },
});
const years = Number(values.years);
const scale = values.scale as Scale;
if (!(years > 0 && years <= 30) || !(scale in SCALES)) {
  console.error(`Usage: npm run db:generate -- --years N (1–30) --scale ${Object.keys(SCALES).join('|')} [--replace]`);
  process.exit(2);
}
if (process.env.NODE_ENV === 'production') {
  console.error('db:generate refuses to run with NODE_ENV=production: synthetic data never goes into production.');
  process.exit(1);
}
const config = cliConfig({ databaseUrl: 'Set DATABASE_URL to the database to fill (an empty one is best: it gets the migrations and reference data).' });
const url = config.databaseUrl;
useFieldCipher(cipherFromEnv(process.env, (m) => console.warn(m)));
await runMigrations(url);
const handle = createDb(url, { max: 2, applicationName: 'vt-generate' });
try {
  await seedDemo(handle.db, { demoPassword: config.demoPassword, demoApiKey: config.demoApiKey });
  const [row] = await handle.sql<{ n: number }[]>`select count(*)::int as n from meldingen where reference like 'G-%'`;
  const n = row?.n ?? 0;
  if (n > 0) {
    if (!values.replace) {
      console.error(`This database already holds ${n} generated meldingen; add --replace to generate anew.`);
      process.exit(1);
    }
    console.log(`Removing ${n} generated meldingen and their adviezen first …`);
    // Without the report's day-count triggers, which would mark a day per deleted row (the generator forgets every
    // stored day count when it is done).
    await setReportTriggers(handle.sql, false);
    try {
      await handle.sql`delete from meldingen where reference like 'G-%'`;
      await handle.sql`delete from adviezen where reference like 'G-%'`;
    } finally {
      await setReportTriggers(handle.sql, true);
    }
  }
  console.log(`Generating ${years} years at ${scale} scale (${SCALES[scale].meldingen} meldingen and ${SCALES[scale].adviezen} adviezen a year) …`);
  const r = await generateHistory(handle.sql, { years, scale, log: (l) => console.log(l) });
  console.log(`Done: ${r.meldingen} meldingen and ${r.adviezen} adviezen with their history in ${(r.ms / 1000).toFixed(0)} s.`);
} finally {
  await handle.close();
}
