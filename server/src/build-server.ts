// `npm run build:server` (also run by `npm start`): bundles our own code (server, workers, db) into one ES module per
// process with esbuild, leaving every npm package external. The running process then needs no TypeScript loader:
// it starts faster and uses about 45 MB less memory than `node --import tsx` (measured in tests/bench/RESULTS.md).
import { readFileSync } from 'node:fs';
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

// Each bundle sits two levels below the project root, like its source, so paths relative to import.meta.url
// (web/dist, db/drizzle) resolve the same from source and from the bundle.
const targets = [
  { entry: 'server/src/main.ts', out: 'server/dist/main.mjs' },
  { entry: 'workers/src/main.ts', out: 'workers/dist/main.mjs' },
];
for (const t of targets) {
  await build({
    entryPoints: [`${root}/${t.entry}`],
    outfile: `${root}/${t.out}`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...external].flatMap((d) => [d, `${d}/*`]),
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}
console.log(`built ${targets.map((t) => t.out).join(', ')}`);
