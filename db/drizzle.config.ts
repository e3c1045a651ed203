import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/schema/ (one file per aggregate): `npm run db:migration -- --name <what-changed>`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/src/schema',
  out: './db/drizzle',
  casing: 'snake_case',
});
