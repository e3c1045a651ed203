import { addMonths, amsterdamClock, amsterdamTime } from './calendar.ts';

// The radar (domain.md, "Radarfunctie"): which earlier meldingen are about the same household.

/** Postcode without spaces, upper case: '7511 ab' → '7511AB'. */
export const normalisePostcode = (s: string): string => s.replace(/\s+/g, '').toUpperCase();
/** Huisnummer with its toevoeging, spaces removed, lower case: '12 A' → '12a'. */
export const normaliseHuisnummer = (s: string): string => s.replace(/\s+/g, '').toLowerCase();
/** Names compare case-insensitively, ignoring surrounding spaces. */
export const normaliseNaam = (s: string): string => s.trim().toLowerCase();

/**
 * What the radar's blind indexes are made of (db/src/security/cipher.ts): the same household is the same postcode
 * and huisnummer, or a betrokkene with the same first name, last name and birth date (domain.md). Each value is
 * prefixed with what it is, so an address can never match a person. A person without a birth date is not matched.
 */
export const adresSleutel = (postcode: string, huisnummer: string): string => `adres|${normalisePostcode(postcode)}|${normaliseHuisnummer(huisnummer)}`;
export const persoonSleutel = (p: { voornaam: string; achternaam: string; geboortedatum?: string | null }): string | null =>
  p.geboortedatum ? `persoon|${normaliseNaam(p.voornaam)}|${normaliseNaam(p.achternaam)}|${p.geboortedatum}` : null;

/** A Dutch postcode: four digits not starting with 0, two letters; SA, SD and SS are never issued. */
export function isDutchPostcode(s: string): boolean {
  const m = /^([1-9][0-9]{3}) ?([A-Za-z]{2})$/.exec(s.trim());
  return !!m && !['SA', 'SD', 'SS'].includes(m[2]!.toUpperCase());
}

/**
 * The window of earlier meldingen: from the same Amsterdam wall-clock moment 24 calendar months earlier
 * (inclusive; 29 February falls back to 28 February) up to this melding's receipt (exclusive).
 */
export function radarWindow(receivedAt: Date, months = 24): { from: Date; to: Date } {
  const c = amsterdamClock(receivedAt);
  const from = amsterdamTime(addMonths(c.date, -months), c.hours, c.minutes, c.seconds, receivedAt.getUTCMilliseconds());
  return { from, to: receivedAt };
}
