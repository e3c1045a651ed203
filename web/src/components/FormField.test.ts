import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { nl } from '../i18n/nl';
import FormField from './FormField.vue';

const i18n = createI18n({ legacy: false, locale: 'nl', messages: { nl } });

describe('FormField', () => {
  it('labels its control and links the error message to it', () => {
    const w = mount(FormField, {
      props: { label: 'Postcode', error: 'Vul een Nederlandse postcode in.' },
      slots: { default: `<template #default="{ id, describedBy, invalid }"><input :id="id" :aria-describedby="describedBy" :aria-invalid="invalid" /></template>` },
      global: { plugins: [i18n] },
    });
    const input = w.find('input');
    const label = w.find('label');
    expect(label.attributes('for')).toBe(input.attributes('id'));
    const describedBy = input.attributes('aria-describedby')!;
    expect(w.find(`[id="${describedBy}"]`).text()).toBe('Vul een Nederlandse postcode in.');
    expect(input.attributes('aria-invalid')).toBe('true');
  });
});
