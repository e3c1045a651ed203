// Rows that Postgres hands back as JSON (row_to_json, json_agg), decoded exactly as drizzle decodes the same
// columns from a plain select: the keys become the schema's property names, and each value goes through its
// column's own mapping (timestamps to Date, sealed free text opened, jsonb and arrays as they are). This lets one
// statement return a case with all its related rows while the rest of the code keeps drizzle's row types.
import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

type Decoder<T extends Table> = (json: Record<string, unknown>) => InferSelectModel<T>;

const decoders = new WeakMap<Table, Decoder<Table>>();

export function jsonRowDecoder<T extends Table>(table: T): Decoder<T> {
  let decode = decoders.get(table);
  if (!decode) {
    const columns = Object.entries(getTableColumns(table));
    decode = (json) => {
      const row: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = json[column.name];
        row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      }
      return row as InferSelectModel<Table>;
    };
    decoders.set(table, decode);
  }
  return decode as Decoder<T>;
}

export function decodeJsonRow<T extends Table>(table: T, json: unknown): InferSelectModel<T> | null {
  return json ? jsonRowDecoder(table)(json as Record<string, unknown>) : null;
}

export function decodeJsonRows<T extends Table>(table: T, json: unknown): InferSelectModel<T>[] {
  const decode = jsonRowDecoder(table);
  return ((json as Record<string, unknown>[] | null) ?? []).map(decode);
}
