// `npm run build:server` (also run by `npm start`): bundles our own code (server, workers, db) into ES modules with
// esbuild, leaving every npm package external. The running process then needs no TypeScript loader: it starts
// faster and uses about 45 MB less memory than `node --import tsx` (measured in tests/bench/RESULTS.md). The API's
// route files stay files of their own (routes/api/**: @fastify/autoload finds them at start-up), sharing the rest
// through common chunks, so every module (the cipher's registry, the config) exists once.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const workspaces = ['.', 'db', 'server', 'workers'];

/** Every dependency of a workspace that is not one of our own packages stays an import from node_modules. */
const external = new Set<string>();
for (const ws of workspaces) {
  const pkg = JSON.parse(readFileSync(`${root}/${ws}/package.json`, 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {})) if (!dep.startsWith('@vt/')) external.add(dep);
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'esm' as const,
  target: 'node20',
  external: [...external].flatMap((d) => [d, `${d}/*`]),
  sourcemap: 'linked' as const,
  logLevel: 'warning' as const,
};

// Each bundle (and every shared chunk) sits two levels below the project root, like its source, so paths relative to
// import.meta.url (web/dist, db/drizzle, the routes folder) resolve the same from source and from the bundle.
rmSync(`${root}/server/dist`, { recursive: true, force: true });
const routes = files(`${root}/server/src/routes/api`);
await build({
  ...common,
  entryPoints: [`${root}/server/src/main.ts`, ...routes],
  outdir: `${root}/server/dist`,
  outbase: `${root}/server/src`,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: '[name]-[hash]',
});
await build({ ...common, entryPoints: [`${root}/workers/src/main.ts`], outfile: `${root}/workers/dist/main.mjs` });
console.log(`built server/dist/main.mjs (+${routes.length} route files: ${relative(root, `${root}/server/dist/routes/api`)}), workers/dist/main.mjs`);
