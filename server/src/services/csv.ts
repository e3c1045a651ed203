// A CSV answer (Accept: text/csv) for the exports: RFC 4180 with CRLF line ends and fields quoted where they must be
// (csv-stringify), one header row, UTF-8, as an attachment. A cell a spreadsheet would run as a formula (=, +, -, @,
// tab, CR) starts with an apostrophe (OWASP, CSV injection).
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/** The caller asked for CSV. */
export const wantsCsv = (headers: { accept?: string | undefined }) => (headers.accept ?? '').includes('text/csv');

const safe = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function sendCsv<T>(reply: FastifyReply, filename: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): T {
  const body = stringify(
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, safe(r[c])]))),
    { header: true, columns: [...columns], record_delimiter: 'windows' },
  );
  // The route's schema describes the JSON answer; this text goes out as it is.
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .serializer((x: unknown) => x as string)
    .send(body) as unknown as T;
}
