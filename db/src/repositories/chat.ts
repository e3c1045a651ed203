// The web chat's figures for managers (issue #21): chats offered, answered and abandoned while waiting, and the wait
// until an adviseur answered (median and 90th percentile), per hour of the Amsterdam day and per week — the seed
// says chat peaks at lunch and at the end of the day. From chat_sessies only: no conversation was ever stored.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { addDays, amsterdamTime, type IsoDate } from '../domain/calendar.ts';

export interface ChatCijfer {
  aangeboden: number;
  beantwoord: number;
  afgebroken: number;
  /** Seconds until answered, of the chats answered (null with none). */
  mediaanWachtSec: number | null;
  p90WachtSec: number | null;
}

const measures = sql`count(*)::int as aangeboden,
  count(*) filter (where geaccepteerd_at is not null)::int as beantwoord,
  count(*) filter (where uitkomst = 'afgebroken')::int as afgebroken,
  round(percentile_cont(0.5) within group (order by extract(epoch from geaccepteerd_at - aangeboden_at)) filter (where geaccepteerd_at is not null))::int as mediaan,
  round(percentile_cont(0.9) within group (order by extract(epoch from geaccepteerd_at - aangeboden_at)) filter (where geaccepteerd_at is not null))::int as p90`;

type Row = { aangeboden: number; beantwoord: number; afgebroken: number; mediaan: number | null; p90: number | null };
const cijfer = (r: Row | undefined): ChatCijfer => ({ aangeboden: r?.aangeboden ?? 0, beantwoord: r?.beantwoord ?? 0, afgebroken: r?.afgebroken ?? 0, mediaanWachtSec: r?.mediaan ?? null, p90WachtSec: r?.p90 ?? null });

/** The figures of the chats offered from `van` up to and including `tot` (Amsterdam dates). */
export async function chatCijfers(db: DbOrTx, van: IsoDate, tot: IsoDate) {
  const from = amsterdamTime(van).toISOString();
  const end = amsterdamTime(addDays(tot, 1)).toISOString();
  const where = sql`aangeboden_at >= ${from}::timestamptz and aangeboden_at < ${end}::timestamptz`;
  const [totaal, uren, weken] = await Promise.all([
    db.execute<Row>(sql`select ${measures} from chat_sessies where ${where}`),
    db.execute<Row & { uur: number }>(sql`select extract(hour from aangeboden_at at time zone 'Europe/Amsterdam')::int as uur, ${measures} from chat_sessies where ${where} group by 1`),
    db.execute<Row & { start: string }>(sql`select date_trunc('week', aangeboden_at at time zone 'Europe/Amsterdam')::date::text as start, ${measures} from chat_sessies where ${where} group by 1 order by 1`),
  ]);
  const byHour = new Map(uren.map((r) => [r.uur, r]));
  return {
    van,
    tot,
    totaal: cijfer(totaal[0]),
    perUur: Array.from({ length: 24 }, (_, uur) => ({ uur, ...cijfer(byHour.get(uur)) })),
    perWeek: weken.map((r) => ({ start: r.start, ...cijfer(r) })),
  };
}
