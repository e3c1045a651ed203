// `npm run db:migrate`: applies the generated migrations to DATABASE_URL.
import { runMigrations } from '../migrate.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to migrate.');
  process.exit(1);
}
await runMigrations(url);
console.log('Migrations applied.');
