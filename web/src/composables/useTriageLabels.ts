// The triage's words (questions, factors, route rules) in the UI's language (domain/labels.ts).
import { triageLabels } from '@vt/db/domain/labels';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

export function useTriageLabels() {
  const { locale } = useI18n();
  return computed(() => triageLabels(locale.value));
}
