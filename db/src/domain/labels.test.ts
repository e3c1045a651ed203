// The triage's words exist in both languages of the UI for every question, factor and route rule.
import { describe, expect, it } from 'vitest';
import { veiligheidVragen } from './codes.ts';
import { factorLabelsEn, factorLabelsNl, routeRuleLabelsEn, routeRuleLabelsNl, veiligheidVraagLabelsEn, veiligheidVraagLabelsNl } from './labels.ts';

describe('triage labels in Dutch and English', () => {
  it('name every question, factor and route rule in both languages', () => {
    for (const v of veiligheidVragen) {
      expect(veiligheidVraagLabelsNl[v]?.label, v).toBeTruthy();
      expect(veiligheidVraagLabelsEn[v]?.label, v).toBeTruthy();
    }
    expect(Object.keys(factorLabelsEn).sort()).toEqual(Object.keys(factorLabelsNl).sort());
    expect(Object.keys(routeRuleLabelsEn).sort()).toEqual(Object.keys(routeRuleLabelsNl).sort());
    // Translated, not copied.
    expect(Object.keys(factorLabelsNl).filter((k) => factorLabelsNl[k] === factorLabelsEn[k] && !['stalking'].includes(k))).toEqual([]);
  });
});
