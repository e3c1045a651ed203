// The data model, one file per aggregate. camelCase in TypeScript, snake_case in Postgres; statuses and codes are
// Postgres enums built from the code lists in ../domain/codes.ts, so the API, the database and the web app share one
// vocabulary. drizzle-kit reads this folder (db/drizzle.config.ts).
export * from './common.ts';
export * from './reference.ts';
export * from './security.ts';
export * from './intake.ts';
export * from './lifecycle.ts';
export * from './reporting.ts';
export * from './chat.ts';
export * from './rooster.ts';
