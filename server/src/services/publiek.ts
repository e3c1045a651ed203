// What the public routes (online melding, status page, web chat) share.
import { HttpError } from '../errors.ts';
import type { App } from '../types.ts';

/**
 * Several regions on one deployment: which region a public visitor belongs to follows from a gemeente, a mapping
 * not built yet (db/docs/multi-region.md, "Not yet"). Until then `wat` is refused with the phone number instead of
 * guessing a region.
 */
export function refuseWithSeveralRegions(app: App, wat: string) {
  if ('regios' in app.db) throw new HttpError(503, 'UNAVAILABLE', `${wat} is hier nog niet mogelijk. Bel Veilig Thuis: 0800-2000.`);
}
