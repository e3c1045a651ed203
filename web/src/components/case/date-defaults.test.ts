// The date a screen offers as "today" is the Amsterdam date, also at 00:30 when the UTC date is still yesterday
// (issue #16): the Code Rood flagged from the case, the huisverbod, the onderzoek start and the MDO date.
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// 00:30 on 3 December in Amsterdam (CET) is 23:30 on 2 December in UTC.
const AT = new Date('2026-12-02T23:30:00Z');
const AMSTERDAM_TODAY = '2026-12-03';

const requests: { url: string; method: string; body: unknown }[] = [];
beforeAll(() => {
  vi.stubGlobal('fetch', async (input: Request) => {
    const body = input.method === 'GET' ? null : await input.clone().json().catch(() => null);
    requests.push({ url: input.url, method: input.method, body });
    const answer = input.method === 'GET' ? { items: [] } : { id: '00000000-0000-4000-8000-000000000001', datum: AMSTERDAM_TODAY };
    return new Response(JSON.stringify(answer), { status: input.method === 'GET' ? 200 : 201, headers: { 'content-type': 'application/json' } });
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(AT);
});
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function setup(actions: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const { useSessionStore } = await import('../../stores/session');
  useSessionStore().user = { id: '00000000-0000-4000-8000-0000000000aa', actions, roles: [] } as never;
  // The app's own words (every feature's), in Dutch.
  const { i18n } = await import('../../i18n');
  return { global: { plugins: [pinia, i18n] } };
}

const melding = (over: Record<string, unknown> = {}) =>
  ({
    id: '00000000-0000-4000-8000-0000000000bb',
    reference: 'M-2026-000001',
    status: 'crisis',
    codeRood: null,
    thv: null,
    onderzoek: null,
    deadlines: { responseDueAt: '2026-12-03T20:00:00.000Z' },
    team: { kind: 'crisisteam' },
    ...over,
  }) as never;

beforeEach(() => {
  requests.length = 0;
});

describe('date defaults at 00:30 Amsterdam time', () => {
  it('Code Rood is flagged on the Amsterdam date', async () => {
    const CodeRoodPanel = (await import('./CodeRoodPanel.vue')).default;
    const w = mount(CodeRoodPanel, { props: { melding: melding() }, ...(await setup(['melding:coderood'])) });
    await w.find('textarea').setValue('Intiem terrorisme; ZVH ingeschakeld.');
    await w.find('form').trigger('submit');
    await flushPromises();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url).toMatch(/\/code-rood$/);
    expect(post?.body).toMatchObject({ datum: AMSTERDAM_TODAY });
  });

  it('the huisverbod is offered from the Amsterdam date, and cannot be set after it', async () => {
    const HuisverbodPanel = (await import('./HuisverbodPanel.vue')).default;
    const w = mount(HuisverbodPanel, { props: { melding: melding() }, ...(await setup(['melding:thv'])) });
    const input = w.find('input[type=date]');
    expect((input.element as HTMLInputElement).value).toBe(AMSTERDAM_TODAY);
    expect(input.attributes('max')).toBe(AMSTERDAM_TODAY);
  });

  it('the onderzoek starts on the Amsterdam date', async () => {
    const OnderzoekPanel = (await import('./OnderzoekPanel.vue')).default;
    const waiting = melding({ status: 'onderzoek', onderzoek: { id: 'o', besluitAt: '2026-12-01T10:00:00.000Z', startedAt: null, dueDate: null, afgerondAt: null, uitkomsten: null, vervolg: null }, geweldsvormen: ['partnergeweld'] });
    const w = mount(OnderzoekPanel, { props: { melding: waiting }, ...(await setup(['onderzoek:uitvoeren'])) });
    expect((w.find('input[type=date]').element as HTMLInputElement).value).toBe(AMSTERDAM_TODAY);
  });

  it('an MDO is planned on the Amsterdam date', async () => {
    const MdoPage = (await import('../../pages/MdoPage.vue')).default;
    const w = mount(MdoPage, { ...(await setup(['mdo:beheren', 'mdo:lezen'])) });
    await flushPromises();
    expect((w.find('input[type=date]').element as HTMLInputElement).value).toBe(AMSTERDAM_TODAY);
  });
});
