// The queue board (bull-board) at /admin/queues, for the beheerder only. Job payloads hold ids only, so the
// board shows no personal data.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

export const QUEUE_BOARD_PATH = '/admin/queues';

export default async function queueBoard(app: FastifyInstance, opts: { queues: Queue[] }) {
  const serverAdapter = new FastifyAdapter();
  createBullBoard({ queues: opts.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter, options: { uiConfig: { boardTitle: 'Veilig Thuis wachtrijen' } } });
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  app.addHook('onRequest', async (req) => {
    app.authorize(req, 'queues:admin');
  });
  // bull-board's page bootstraps with an inline script; only this admin page allows it.
  app.addHook('onSend', async (_req, reply) => {
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string') void reply.header('content-security-policy', csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"));
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH, basePath: QUEUE_BOARD_PATH } as never);
}
