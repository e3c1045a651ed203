// Partner systems' API clients (issue #20): the calls the Ketenpartners page makes.
import { api, call } from '../api/client';
import type { paths } from '../api/schema';

export type Partner = paths['/api/admin/ketenpartners']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewPartner = paths['/api/admin/ketenpartners']['post']['requestBody']['content']['application/json'];

export const listPartners = () => call(api.GET('/api/admin/ketenpartners'));
export const createPartner = (body: NewPartner) => call(api.POST('/api/admin/ketenpartners', { body }));
export const rotateKey = (id: string, overlapDagen: number) => call(api.POST('/api/admin/ketenpartners/{id}/sleutels', { params: { path: { id } }, body: { overlapDagen } }));
export const endKey = (id: string, sleutelId: string) => call(api.POST('/api/admin/ketenpartners/{id}/sleutels/{sleutelId}/intrekken', { params: { path: { id, sleutelId } } }));
export const revokePartner = (id: string) => call(api.POST('/api/admin/ketenpartners/{id}/intrekken', { params: { path: { id } } }));
