// A partner's burst of meldingen over HTTP: `count` POSTs from `lanes` concurrent clients, each answered 201.
import { expect } from 'vitest';
import { DEMO_API_KEY } from './env.ts';
import { meldingBody } from './fixtures.ts';

export async function fileBurst(base: string, count: number, lanes: number, label: string): Promise<string[]> {
  let next = 0;
  const ids = await Promise.all(
    Array.from({ length: lanes }, async () => {
      const out: string[] = [];
      while (next < count) {
        const i = next++;
        const r = await fetch(`${base}/api/meldingen`, { method: 'POST', headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(meldingBody({ toelichting: `${label} ${i}` })) });
        expect(r.status).toBe(201);
        out.push(((await r.json()) as { id: string }).id);
      }
      return out;
    }),
  );
  return ids.flat();
}
