// The web chat (issue #21) as far as it is kept: when a chat was offered, answered, ended and how, who answered it
// and the advies filed from it — for the managers' figures. The conversation itself is never stored here (it lives
// in Redis only, with a short expiry: server/src/services/chat.ts), nor the visitor's address.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import * as c from '../domain/codes.ts';
import { tstz } from './common.ts';
import { adviezen } from './intake.ts';
import { users } from './security.ts';

export const chatUitkomstEnum = pgEnum('chat_uitkomst', c.chatUitkomsten);

export const chatSessies = pgTable(
  'chat_sessies',
  {
    id: uuid('id').primaryKey(),
    aangebodenAt: tstz('aangeboden_at').notNull(),
    geaccepteerdAt: tstz('geaccepteerd_at'),
    beeindigdAt: tstz('beeindigd_at'),
    /** null while it runs. */
    uitkomst: chatUitkomstEnum('uitkomst'),
    /** Who answered it first, and who held it at the end (after transfers). */
    eersteAdviseurId: uuid('eerste_adviseur_id').references(() => users.id),
    adviseurId: uuid('adviseur_id').references(() => users.id),
    overdrachten: smallint('overdrachten').notNull().default(0),
    adviesId: uuid('advies_id').references(() => adviezen.id),
  },
  (t) => [index('chat_sessies_aangeboden_idx').on(t.aangebodenAt), index('chat_sessies_open_idx').on(t.adviseurId).where(sql`${t.beeindigdAt} is null`)],
);

/** The standard texts of the chat console (issue #21), kept by the beheerder; a text taken out of use stays on file. */
export const chatStandaardteksten = pgTable('chat_standaardteksten', {
  id: uuid('id').primaryKey().defaultRandom(),
  titel: text('titel').notNull(),
  tekst: text('tekst').notNull(),
  volgorde: integer('volgorde').notNull().default(0),
  actief: boolean('actief').notNull().default(true),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
