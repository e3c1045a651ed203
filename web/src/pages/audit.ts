// The audit log's "Doel" as a person reads it. A search stores what was asked as JSON ({"team":"mdo","page":1}):
// shown as "Zoekopdracht: team mdo, pagina 1", the filter names in the UI's words; any other purpose (a code such as
// "beoordeling (afwijkend)" or "onderzoek:overdracht") is shown with its separators as words.
export type Translate = (key: string, named?: Record<string, unknown>) => string;

export function purposeText(purpose: string | null | undefined, t: Translate, has: (key: string) => boolean): string {
  if (!purpose) return '';
  if (purpose.startsWith('{')) {
    try {
      const q = JSON.parse(purpose) as Record<string, unknown>;
      if (q && typeof q === 'object' && !Array.isArray(q)) {
        const parts = Object.entries(q)
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([k, v]) => `${has(`audit.filter.${k}`) ? t(`audit.filter.${k}`) : k} ${typeof v === 'boolean' ? t(v ? 'audit.yes' : 'audit.no') : String(v)}`);
        return parts.length ? t('audit.zoekopdracht', { filters: parts.join(', ') }) : t('audit.zoekopdrachtLeeg');
      }
    } catch {
      // not JSON after all: shown as it is
    }
  }
  return purpose.replaceAll(':', ' — ').replaceAll('_', ' ');
}
