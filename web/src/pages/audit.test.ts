import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { en as auditEn, nl as auditNl } from '../i18n/features/audit';
import { purposeText } from './audit';

const i18n = (locale: 'nl' | 'en') => createI18n({ legacy: false, locale, messages: { nl: auditNl, en: auditEn } }).global;
const words = (locale: 'nl' | 'en') => {
  const g = i18n(locale);
  return [(k: string, n?: Record<string, unknown>) => (n ? g.t(k, n) : g.t(k)), (k: string) => g.te(k)] as const;
};

describe('the purpose of an audit row in words', () => {
  it('reads a search as its filters, not as JSON', () => {
    const [t, has] = words('nl');
    expect(purposeText('{"team":"mdo","page":1,"pageSize":50,"eigen":true}', t, has)).toBe('Zoekopdracht: team mdo, pagina 1, per pagina 50, eigen ja');
    expect(purposeText('{}', t, has)).toBe('Zoekopdracht zonder filters');
    expect(purposeText('{"onbekend":"x"}', t, has)).toBe('Zoekopdracht: onbekend x');
  });

  it('shows a purpose code with words for its separators, and nothing for none', () => {
    const [t, has] = words('nl');
    expect(purposeText('onderzoek:overdracht', t, has)).toBe('onderzoek — overdracht');
    expect(purposeText('acute_inzet', t, has)).toBe('acute inzet');
    expect(purposeText('{niet json', t, has)).toBe('{niet json');
    expect(purposeText(null, t, has)).toBe('');
  });

  it('speaks English in the English UI', () => {
    const [t, has] = words('en');
    expect(purposeText('{"team":"mdo","page":2}', t, has)).toBe('Search: team mdo, page 2');
  });
});
