// Bundles browser mode into one file, as the desktop app bundles its main
// process: one file parses far faster than hundreds of modules, which is
// most of the start-up time on a slow laptop.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  entryPoints: [`${root}host/start.ts`],
  outfile: `${root}dist/host.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['better-sqlite3'],
  // Bundled CommonJS dependencies still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// db/open.ts finds migrations beside its module; in the bundle that is dist/.
rmSync(`${root}dist/migrations`, { recursive: true, force: true });
cpSync(`${root}db/migrations`, `${root}dist/migrations`, { recursive: true });
