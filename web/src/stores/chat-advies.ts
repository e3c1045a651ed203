// What the adviseur noted during a chat for its advies (issue #21), handed from the chat console to the advies form:
// in memory only, never in the browser's storage, and gone once the form took it.
import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface ChatAdvies {
  chatId: string;
  startedAt: string;
  endedAt: string;
  vragerType: string;
  geweldsvormen: string[];
  samenvatting: string;
}

export const useChatAdviesStore = defineStore('chat-advies', () => {
  const pending = ref<ChatAdvies | null>(null);
  /** Takes the chat's notes for the form, once. */
  function take(chatId: string): ChatAdvies | null {
    const p = pending.value;
    if (!p || p.chatId !== chatId) return null;
    pending.value = null;
    return p;
  }
  return { pending, take };
});
