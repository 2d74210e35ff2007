// Bundles browser mode into one file, as the desktop app bundles its main
// process: one file parses far faster than hundreds of modules, which is
// most of the start-up time on a slow laptop.
//
// Written to a temporary name and renamed into place, so a workstation
// starting while another `npm start` rebuilds never imports half a file.
import { build } from 'esbuild';
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNTIME_PACKAGES } from './bundle-externals.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = `.tmp-${process.pid}`;
const result = await build({
  entryPoints: [`${root}host/start.ts`],
  outfile: `${root}dist/host.mjs`,
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: RUNTIME_PACKAGES,
  // Bundled CommonJS dependencies still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path + tmp, file.contents);
  renameSync(file.path + tmp, file.path);
}
// db/open.ts finds migrations beside its module; in the bundle that is dist/.
const migrations = `${root}dist/migrations`;
cpSync(`${root}db/migrations`, migrations + tmp, { recursive: true });
rmSync(migrations + '.old' + tmp, { recursive: true, force: true });
try { renameSync(migrations, migrations + '.old' + tmp); } catch { /* first build: nothing to move away */ }
renameSync(migrations + tmp, migrations);
rmSync(migrations + '.old' + tmp, { recursive: true, force: true });
