import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
// The app loads its route files with @fastify/autoload (dynamic import of .ts files): inlined, its imports go through
// vitest's own module loader, which reads TypeScript.
const server = { deps: { inline: [/@fastify\/autoload/] } };

// One runner for the whole tree: `npm test` runs every project; `--project <name>` picks one.
export default defineConfig({
  root,
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root,
          server,
          sequence: { groupOrder: 0 },
          include: ['db/src/**/*.test.ts', 'server/src/**/*.test.ts', 'workers/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'web',
          root,
          server,
          sequence: { groupOrder: 1 },
          include: ['web/src/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'integration',
          root,
          server,
          sequence: { groupOrder: 2 },
          include: ['tests/api/**/*.test.ts', 'tests/workers/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: files run in parallel on their own databases, two at a time.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'faults',
          root,
          server,
          sequence: { groupOrder: 3 },
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Real processes are killed and restarted here: one file at a time keeps the timing honest on 2 cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          server,
          sequence: { groupOrder: 4 },
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
