// What every panel of the case page (components/case) starts from: the words, the case it shows, and what the
// signed-in user may do.
import { toRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { MeldingView } from '../api/client';
import { useSessionStore } from '../stores/session';

export function useCasePanel(props: { melding: MeldingView }) {
  const { t } = useI18n();
  return { t, m: toRef(props, 'melding'), session: useSessionStore() };
}
