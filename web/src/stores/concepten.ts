import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * What a form held when the session expired before its draft reached the server (issue #16). Memory only, never
 * the browser's storage: it bridges the sign-in that follows, is given back only to the same account, and is
 * emptied at sign-out.
 */
export const useConceptenStore = defineStore('concepten', () => {
  const pending = ref<Record<string, { userId: string; inhoud: Record<string, unknown> }>>({});
  const take = (userId: string, sleutel: string) => {
    const p = pending.value[sleutel];
    delete pending.value[sleutel];
    return p && p.userId === userId ? p.inhoud : null;
  };
  /** Set while signing out: a form closing then keeps nothing. */
  const signingOut = ref(false);
  const clear = () => (pending.value = {});
  return { pending, take, clear, signingOut };
});
