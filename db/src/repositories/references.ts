import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

/**
 * The next reference of a kind in a year, gap-free: the counter row stays locked until the calling transaction
 * ends, so concurrent inserts queue behind it and a rolled-back insert hands its number back.
 * Must be called inside the transaction that inserts the record.
 */
export async function nextReference(tx: DbOrTx, kind: 'A' | 'M', year: number): Promise<string> {
  const rows = await tx.execute<{ last: number }>(sql`
    insert into reference_counters (kind, year, last) values (${kind}, ${year}, 1)
    on conflict (kind, year) do update set last = reference_counters.last + 1
    returning last`);
  const last = rows[0]!.last;
  return `${kind}-${year}-${String(last).padStart(6, '0')}`;
}
