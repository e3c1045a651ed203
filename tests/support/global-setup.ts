// Runs once per test run: a migrated template database with the reference data and demo users. Every test file
// then gets its own copy (CREATE DATABASE … TEMPLATE), so files run in parallel without seeing each other.
import postgres from 'postgres';
import { createDb, runMigrations, seedDemo, useFieldCipher } from '@vt/db';
import { ADMIN_DATABASE_URL, DEMO_API_KEY, DEMO_PASSWORD, TEMPLATE_DB, TEST_DB_PREFIX, databaseUrl, testCipher } from './env.ts';

export default async function setup() {
  const admin = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    // Databases left behind by an interrupted run of this namespace (other checkouts' runs are left alone).
    const stale = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${TEST_DB_PREFIX})`;
    for (const { datname } of stale) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  useFieldCipher(testCipher);
  const url = databaseUrl(TEMPLATE_DB);
  await runMigrations(url);
  const handle = createDb(url, { max: 1 });
  await seedDemo(handle.db, { demoPassword: DEMO_PASSWORD, demoApiKey: DEMO_API_KEY, withCases: false });
  await handle.close();
}
