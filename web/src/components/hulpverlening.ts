// The hulpverlening form's values as the API takes them: trimmed, optional fields left out when empty, and the
// required ones checked first so the person on the phone sees every missing field at once.
import type { ApiError } from '../api/client';
import type { HulpverleningInput } from './HulpverleningFields.vue';

export const emptyHulpverlening = (): HulpverleningInput => ({ organisatie: '', contactpersoon: '', telefoon: '', email: '' });

export function hulpverleningBody(h: HulpverleningInput) {
  return {
    organisatie: h.organisatie.trim(),
    contactpersoon: h.contactpersoon.trim(),
    ...(h.telefoon.trim() ? { telefoon: h.telefoon.trim() } : {}),
    ...(h.email.trim() ? { email: h.email.trim() } : {}),
  };
}

/** The required fields left empty (fewer than 2 characters), each with the message to show. */
export function hulpverleningErrors(h: HulpverleningInput, required: string): Partial<Record<keyof HulpverleningInput, string>> {
  return {
    ...(h.organisatie.trim().length >= 2 ? {} : { organisatie: required }),
    ...(h.contactpersoon.trim().length >= 2 ? {} : { contactpersoon: required }),
  };
}

/** The fields' errors to show: what the form found missing first, else what the API said under /hulpverlening. */
export function hulpverleningFieldErrors(local: Partial<Record<keyof HulpverleningInput, string>>, api: ApiError | null): Partial<Record<keyof HulpverleningInput, string | undefined>> {
  const from = (f: keyof HulpverleningInput) => local[f] || api?.fieldError(`/hulpverlening/${f}`);
  return { organisatie: from('organisatie'), contactpersoon: from('contactpersoon'), telefoon: from('telefoon'), email: from('email') };
}
