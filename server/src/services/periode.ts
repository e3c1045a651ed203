// A period of Amsterdam calendar dates asked for by a review route (the triage comparison, the fairness review):
// at most two years, its end not before its start, as the instants [start, end) it covers.
import { halfjaarPeriode } from '@vt/db';
import { addDays, amsterdamDate, amsterdamStartOfDay, daysBetween } from '@vt/db/domain';
import { badRequest } from '../errors.ts';

export function periode(from: string, to: string): { start: Date; end: Date } {
  if (to < from) throw badRequest('Het einde van de periode ligt voor het begin.', [{ path: '/to', message: 'Kies een einde op of na het begin.' }]);
  if (daysBetween(from, to) > 731) throw badRequest('Kies een periode van hoogstens twee jaar.', [{ path: '/to', message: 'Hoogstens twee jaar.' }]);
  return { start: amsterdamStartOfDay(from), end: amsterdamStartOfDay(addDays(to, 1)) };
}

/** A half-year asked for must have begun; `gevolg` says what that means for the route ("er zijn nog geen cijfers"). */
export function halfjaarBegonnen(jaar: number, half: 1 | 2, gevolg: string) {
  if (halfjaarPeriode(jaar, half).from > amsterdamDate(new Date())) {
    throw badRequest(`Het ${half === 1 ? 'eerste' : 'tweede'} halfjaar van ${jaar} is nog niet begonnen: ${gevolg}.`, [{ path: '/jaar', message: 'Kies een halfjaar dat al begonnen is.' }]);
  }
}
