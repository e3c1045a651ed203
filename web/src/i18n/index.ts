import { createI18n } from 'vue-i18n';
import { en } from './en';
import { nl } from './nl';

/**
 * Each feature keeps its words in `features/<name>.ts` (exporting `{ nl, en }` under its own top-level key), so
 * features grow without touching one shared file.
 */
type Messages = Record<string, object>;
const features = import.meta.glob<{ nl: Messages; en: Messages }>('./features/*.ts', { eager: true });
const merged = { nl: { ...nl } as Messages, en: { ...en } as Messages };
for (const mod of Object.values(features)) {
  Object.assign(merged.nl, mod.nl);
  Object.assign(merged.en, mod.en);
}
const messages = merged as { nl: typeof nl; en: typeof nl };

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('vt.locale') : null;

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'nl',
  fallbackLocale: 'nl',
  messages,
});

export function setLocale(locale: 'nl' | 'en') {
  i18n.global.locale.value = locale;
  localStorage.setItem('vt.locale', locale);
  document.documentElement.lang = locale;
}
