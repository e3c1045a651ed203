// The roster (issue #22): who works on which day, when, in which team and with which specialisms — what the dagstart
// plans with, and the capacity the forecast uses once a roster exists.
import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import * as c from '../domain/codes.ts';
import { tstz } from './common.ts';
import { teams } from './reference.ts';
import { users } from './security.ts';
import { regionPolicies } from './row-security.ts';

export const specialismeEnum = pgEnum('specialisme', c.specialismen);

export const roosterDiensten = pgTable(
  'rooster_diensten',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    datum: date('datum', { mode: 'string' }).notNull(),
    /** Minutes after midnight on the Amsterdam clock: from (inclusive) and until (exclusive). */
    vanMinuut: smallint('van_minuut').notNull(),
    totMinuut: smallint('tot_minuut').notNull(),
    /** The team the shift is worked in (null: the person's own team). */
    teamId: uuid('team_id').references(() => teams.id),
    specialismen: specialismeEnum('specialismen').array().notNull().default(sql`'{}'`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    /** The Veilig Thuis region whose roster it is (issue #19; row-level security keeps regions apart). */
    regio: text('regio').default(sql`vt_regio()`),
  },
  (t) => [
    uniqueIndex('rooster_diensten_uq').on(t.userId, t.datum, t.vanMinuut),
    index('rooster_diensten_datum_idx').on(t.datum),
    check('rooster_diensten_tijden', sql`${t.vanMinuut} >= 0 and ${t.totMinuut} <= 1440 and ${t.vanMinuut} < ${t.totMinuut}`),
    ...regionPolicies('rooster_diensten'),
  ],
);
