import { createI18n } from 'vue-i18n';
import { en } from './en';
import { nl } from './nl';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('vt.locale') : null;

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'nl',
  fallbackLocale: 'nl',
  messages: { nl, en },
});

export function setLocale(locale: 'nl' | 'en') {
  i18n.global.locale.value = locale;
  localStorage.setItem('vt.locale', locale);
  document.documentElement.lang = locale;
}
