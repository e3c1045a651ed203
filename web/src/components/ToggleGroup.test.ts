import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ToggleGroup from './ToggleGroup.vue';

describe('ToggleGroup', () => {
  it('toggles values with real checkboxes inside a labelled fieldset', async () => {
    const w = mount(ToggleGroup, {
      props: { legend: 'Vormen van geweld', options: [{ value: 'stalking', label: 'Stalking' }, { value: 'vgv', label: 'VGV' }], modelValue: ['vgv'], 'onUpdate:modelValue': (v: string[]) => w.setProps({ modelValue: v }) },
    });
    expect(w.find('legend').text()).toBe('Vormen van geweld');
    const boxes = w.findAll('input[type=checkbox]');
    expect(boxes.map((b) => (b.element as HTMLInputElement).checked)).toEqual([false, true]);
    await boxes[0]!.setValue(true);
    expect(w.props('modelValue')).toEqual(['vgv', 'stalking']);
    await boxes[1]!.setValue(false);
    expect(w.props('modelValue')).toEqual(['stalking']);
  });
});
