// User administration and its four eyes (issue #14): the calls the Gebruikers and Toegangsaanvragen pages make.
import { api, call } from '../api/client';
import type { paths } from '../api/schema';

export type AdminUser = paths['/api/admin/users']['get']['responses'][200]['content']['application/json']['items'][number];
export type RolAanvraag = paths['/api/admin/rol-aanvragen']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewAccount = paths['/api/admin/users']['post']['requestBody']['content']['application/json'];
export type Role = NewAccount['roles'][number];

export const listUsers = () => call(api.GET('/api/admin/users'));
export const listTeams = () => call(api.GET('/api/teams'));
export const listGemeenten = () => call(api.GET('/api/gemeenten'));
export const createAccount = (body: NewAccount) => call(api.POST('/api/admin/users', { body }));
export const setRoles = (id: string, roles: Role[]) => call(api.POST('/api/admin/users/{id}/rollen', { params: { path: { id } }, body: { roles } }));
export const resendActivation = (id: string) => call(api.POST('/api/admin/users/{id}/activatielink', { params: { path: { id } } }));
export const switchAccount = (id: string, on: boolean) =>
  on ? call(api.POST('/api/admin/users/{id}/inschakelen', { params: { path: { id } } })) : call(api.POST('/api/admin/users/{id}/uitschakelen', { params: { path: { id } } }));
export const resetTwoStep = (id: string) => call(api.POST('/api/admin/users/{id}/tweestaps-herstellen', { params: { path: { id } } }));
export const listRequests = () => call(api.GET('/api/admin/rol-aanvragen'));
export const decideRequest = (id: string, besluit: 'goedgekeurd' | 'afgewezen', reden?: string) =>
  call(api.POST('/api/admin/rol-aanvragen/{id}/besluit', { params: { path: { id } }, body: { besluit, ...(reden ? { reden } : {}) } }));
export const activationAccount = (token: string) => call(api.POST('/api/auth/activatie', { body: { token } }));
export const activate = (token: string, wachtwoord: string) => call(api.POST('/api/auth/activeren', { body: { token, wachtwoord } }));
