import { LifecycleConflict, type Tx } from '@vt/db';
import { conflict } from '../errors.ts';
import type { App } from '../types.ts';

/** Runs one lifecycle step in a transaction; a LifecycleConflict (the case is not in a state for it) becomes 409. */
export async function lifecycleStep<T>(app: App, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await app.db.db.transaction(work);
  } catch (err) {
    if (err instanceof LifecycleConflict) throw conflict(err.message);
    throw err;
  }
}
