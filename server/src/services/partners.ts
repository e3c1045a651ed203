// The beheerder's view of a partner's API client (issue #20): never a key's hash, and each key's state now.
import type { listApiClients } from '@vt/db';
import type { Partner } from '../schemas/partners.ts';

type Row = Awaited<ReturnType<typeof listApiClients>>[number];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function partnerView(c: Row, now = new Date()): Partner {
  return {
    id: c.id,
    naam: c.naam,
    scopes: c.scopes,
    // A partner files through the kanalen staff and partners use; `web` is the public form's alone.
    kanalen: c.kanalen?.filter((k): k is Exclude<typeof k, 'web'> => k !== 'web') ?? null,
    createdAt: c.createdAt.toISOString(),
    lastUsedAt: iso(c.lastUsedAt),
    revokedAt: iso(c.revokedAt),
    sleutels: c.keys.map((k) => ({
      id: k.id,
      prefix: k.prefix,
      createdAt: k.createdAt.toISOString(),
      expiresAt: iso(k.expiresAt),
      revokedAt: iso(k.revokedAt),
      lastUsedAt: iso(k.lastUsedAt),
      geldig: !c.revokedAt && !k.revokedAt && (!k.expiresAt || k.expiresAt > now),
    })),
  };
}
