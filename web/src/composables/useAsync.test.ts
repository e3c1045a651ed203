import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { router } from '../router';
import { useSessionStore } from '../stores/session';
import { useAsync } from './useAsync';

describe('useAsync', () => {
  beforeEach(async () => {
    setActivePinia(createPinia());
    const session = useSessionStore();
    session.user = { id: 'u1', name: 'Chantal', email: 'chef@demo.test', roles: ['chef_van_de_dag'], teamId: null, team: null, gemeente: null, gemeenteNaam: null, actions: ['werkvoorraad:read', 'melding:read'] };
    await router.push('/werkvoorraad').catch(() => undefined);
  });

  it('tracks loading and keeps the result', async () => {
    const a = useAsync(async (n: number) => n * 2);
    const p = a.run(21);
    expect(a.loading.value).toBe(true);
    expect(await p).toBe(42);
    expect(a.loading.value).toBe(false);
    expect(a.data.value).toBe(42);
    expect(a.error.value).toBeNull();
  });

  it('keeps the contract error with its field details', async () => {
    const a = useAsync(async () => {
      throw new ApiError(400, 'VALIDATION', 'De invoer klopt niet.', [{ path: '/melder/naam', message: 'Dit veld is verplicht.' }]);
    });
    expect(await a.run()).toBeUndefined();
    expect(a.error.value?.fieldError('/melder/naam')).toBe('Dit veld is verplicht.');
    expect(useSessionStore().user).not.toBeNull();
  });

  it('sends an expired session to the login page, remembering where the user was', async () => {
    const a = useAsync(async () => {
      throw new ApiError(401, 'UNAUTHENTICATED', 'Niet aangemeld.');
    });
    await a.run();
    const session = useSessionStore();
    expect(session.user).toBeNull();
    expect(session.expired).toBe(true);
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.terug).toBe('/werkvoorraad');
  });
});
