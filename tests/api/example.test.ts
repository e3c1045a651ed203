// The README's curl example posts server/src/examples/melding.json: it must stay a valid melding, and the API docs
// show it as the example of POST /api/meldingen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../server/src/examples/melding.json' with { type: 'json' };
import { createTestApp, partnerHeaders, type TestContext } from '../support/app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the example melding body', () => {
  it('is accepted as the README posts it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/meldingen', headers: { ...partnerHeaders, 'idempotency-key': 'readme-voorbeeld-1' }, payload: example });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ reference: expect.stringMatching(/^M-\d{4}-\d{6}$/), status: 'ontvangen' });
  });

  it('is the example of POST /api/meldingen in the API docs', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema?: unknown; example?: unknown; examples?: Record<string, { value: unknown }> }> } } }> };
    const content = doc.paths['/api/meldingen']!.post!.requestBody!.content['application/json']!;
    const shown = content.example ?? Object.values(content.examples ?? {})[0]?.value ?? (content.schema as { examples?: unknown[] } | undefined)?.examples?.[0];
    expect(shown).toEqual(example);
  });
});
