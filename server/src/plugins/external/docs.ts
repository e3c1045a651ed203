// The OpenAPI document at /api/docs/json and a browsable UI at /api/docs; both public (no personal data).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorBody } from '../../schemas/common.ts';

export default fp(async function docs(app: FastifyInstance) {
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Veilig Thuis backoffice API',
        version: '0.1.0',
        description: 'Intake, triage and case work of a Veilig Thuis organisation. Staff sign in with a cookie session and send x-csrf-token on every state change; partner systems use a Bearer API key.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vt_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  // The description and its UI are public and anonymous (plugins/app/auth.ts).
  await app.register(async (scope) => {
    scope.addHook('onRoute', (r) => {
      r.config = { ...r.config, public: true, anonymous: true };
    });
    await scope.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });
  });
});
