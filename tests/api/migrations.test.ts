// Migrations are expand/contract (issue #19, deploys without downtime): while a rolling deploy runs, the release before
// runs against the new schema, so a migration may only add — tables, nullable or defaulted columns, indexes, enum
// values, constraints that the old code already keeps. What removes or narrows (drop, rename, a new NOT NULL without a
// default, a type change) is the contract step: it ships in a later release than the one that stopped using the old
// shape, and says so in a `-- contract: <release that stopped using it>` line. The migrations before the first
// release (0000–0009) predate the rule.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('../../db/drizzle/', import.meta.url));
const FIRST_UNDER_RULE = 10;

/** Statements that break the release before this one while both run. */
const breaking: [RegExp, string][] = [
  [/\bDROP\s+(TABLE|VIEW|TYPE|FUNCTION|SCHEMA)\b/i, 'drops an object the old release may still use'],
  [/\bALTER\s+TABLE\b[^;]*\bDROP\s+COLUMN\b/i, 'drops a column the old release may still read or write'],
  [/\bRENAME\b/i, 'renames what the old release knows by its old name'],
  [/\bALTER\s+COLUMN\b[^;]*\bSET\s+NOT\s+NULL\b/i, 'makes a column required that the old release may leave empty'],
  [/\bALTER\s+COLUMN\b[^;]*\b(SET\s+DATA\s+)?TYPE\b/i, 'changes a column type under the old release'],
  [/\bADD\s+COLUMN\b(?![^;]*\bDEFAULT\b)[^;]*\bNOT\s+NULL\b/i, 'adds a required column without a default: the old release inserts without it'],
];

export function breakingStatements(sql: string): string[] {
  if (/^--\s*contract:\s*\S+/m.test(sql)) return [];
  return sql
    .split(/-->\s*statement-breakpoint|;\s*\n/)
    .flatMap((stmt) => breaking.filter(([re]) => re.test(stmt)).map(([, why]) => `${stmt.trim().split('\n')[0]!.slice(0, 120)}: ${why}`));
}

describe('migrations', () => {
  const files = readdirSync(folder).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();

  it('from the first release on only expand, unless marked as the contract step', () => {
    const found = files.filter((f) => Number(f.slice(0, 4)) >= FIRST_UNDER_RULE).flatMap((f) => breakingStatements(readFileSync(folder + f, 'utf8')).map((s) => `${f}: ${s}`));
    expect(found).toEqual([]);
  });

  it('the rule itself tells expanding from contracting', () => {
    expect(breakingStatements('ALTER TABLE "m" ADD COLUMN "x" text;')).toEqual([]);
    expect(breakingStatements('ALTER TABLE "m" ADD COLUMN "x" integer DEFAULT 0 NOT NULL;')).toEqual([]);
    expect(breakingStatements('CREATE INDEX "i" ON "m" ("x");')).toEqual([]);
    expect(breakingStatements('ALTER TABLE "m" ADD COLUMN "x" text NOT NULL;')).toHaveLength(1);
    expect(breakingStatements('ALTER TABLE "m" DROP COLUMN "x";')).toHaveLength(1);
    expect(breakingStatements('ALTER TABLE "m" RENAME COLUMN "x" TO "y";')).toHaveLength(1);
    expect(breakingStatements('ALTER TABLE "m" ALTER COLUMN "x" SET NOT NULL;')).toHaveLength(1);
    expect(breakingStatements('ALTER TABLE "m" ALTER COLUMN "x" SET DATA TYPE bigint;')).toHaveLength(1);
    expect(breakingStatements('DROP TABLE "old";')).toHaveLength(1);
    expect(breakingStatements('-- contract: 1.3 stopped reading "x"\nALTER TABLE "m" DROP COLUMN "x";')).toEqual([]);
  });
});
