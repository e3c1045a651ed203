// `npm run db:migrate`: applies the generated migrations to DATABASE_URL.
import { runMigrations } from '../migrate.ts';
import { cliConfig } from './config.ts';

await runMigrations(cliConfig({ databaseUrl: 'Set DATABASE_URL to the database to migrate.' }).databaseUrl);
console.log('Migrations applied.');
