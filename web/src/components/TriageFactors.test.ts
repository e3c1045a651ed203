import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import TriageFactors from './TriageFactors.vue';

const i18n = createI18n({ legacy: false, locale: 'nl', messages: { nl } });

describe('TriageFactors', () => {
  it('shows every factor with its weight in plain Dutch', () => {
    const w = mount(TriageFactors, { props: { factors: [{ code: 'kindJongerDan4', weight: 15 }, { code: 'verwurging', weight: 40 }] }, global: { plugins: [i18n] } });
    const items = w.findAll('li').map((li) => li.text());
    expect(items).toEqual(['kind jonger dan 4 jaar: +15', 'verwurging: +40']);
  });

  it('speaks English in the English UI', () => {
    const english = createI18n({ legacy: false, locale: 'en', messages: { nl, en } });
    const w = mount(TriageFactors, { props: { factors: [{ code: 'kindJongerDan4', weight: 15 }, { code: 'verwurging', weight: 40 }] }, global: { plugins: [english] } });
    expect(w.findAll('li').map((li) => li.text())).toEqual(['child younger than 4 years: +15', 'strangulation: +40']);
  });

  it('says so when nothing weighs', () => {
    const w = mount(TriageFactors, { props: { factors: [] }, global: { plugins: [i18n] } });
    expect(w.text()).toBe('Geen wegende factoren.');
  });
});
