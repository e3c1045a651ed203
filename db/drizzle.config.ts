import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/schema.ts: `npm run db:migration -- --name <what-changed>`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/src/schema.ts',
  out: './db/drizzle',
  casing: 'snake_case',
});
