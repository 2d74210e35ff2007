// Bundles the Electron shell into dist/electron/:
//   main.mjs             main process (ESM): windows, keychain, IPC
//   core.mjs             the workstation core in Electron's utility process (ESM; its modules use import.meta)
//   preload.cjs          app window preload (CJS: sandboxed preloads cannot load ESM)
//   unlock-preload.cjs   unlock window preload
//   unlock/              the unlock page (HTML, CSS, script)
// Electron and the packages in bundle-externals.ts stay outside the bundle; everything else is inside.
import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNTIME_PACKAGES } from './bundle-externals.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'electron');

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'unlock'), { recursive: true });

await Promise.all([
  // main.mjs: windows, keychain and IPC; core.mjs: the book and the services, in Electron's utility process.
  ...[['main', 'main.mjs'], ['core', 'core.mjs']].map(([name, file]) => build({
    ...common,
    entryPoints: [`electron/${name}.ts`],
    outfile: join(out, file!),
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Loaded from node_modules at run time (build/bundle-externals.ts says why each).
    external: ['electron', ...RUNTIME_PACKAGES],
    // Bundled CommonJS dependencies may still call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  })),
  ...['preload', 'unlock-preload'].map((name) => build({
    ...common,
    entryPoints: [`electron/${name}.ts`],
    outfile: join(out, `${name}.cjs`),
    platform: 'node',
    format: 'cjs',
    target: 'es2023',
    external: ['electron'],
  })),
  build({
    ...common,
    entryPoints: ['electron/unlock/unlock.js'],
    outfile: join(out, 'unlock', 'unlock.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2023',
  }),
]);

for (const file of ['index.html', 'unlock.css']) {
  copyFileSync(join(root, 'electron', 'unlock', file), join(out, 'unlock', file));
}

console.log(`electron: bundled into ${join('dist', 'electron')}`);
