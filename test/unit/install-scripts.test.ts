// Which dependencies may run install scripts is decided in package.json
// (`allowScripts`, README: "Install scripts"), so an npm that stops running
// unreviewed scripts still installs the project, and a new dependency with a
// script is not let through unnoticed. npm itself is asked, as an install would.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = (...args: string[]) => {
  const run = spawnSync('npm', args, { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { allowScripts: unknown };
};

it('every installed dependency with an install script is allowed or denied by name', () => {
  expect(npm('install-scripts', 'ls', '--json').allowScripts).toEqual([]);
});

it('no decision is left over for a package that no longer has an install script', () => {
  // The SQLite module is the one exception npm itself disagrees on: the registry lists `node-gyp rebuild` for it
  // (install warns), while the installed package says "gypfile": false (prune calls the denial unneeded).
  const { removed } = npm('install-scripts', 'prune', '--dry-run', '--json').allowScripts as { removed: { key: string; reason: string }[] };
  expect(removed.filter((r) => !(r.key === 'better-sqlite3-multiple-ciphers' && r.reason === 'no-scripts'))).toEqual([]);
});

it('allows only what the app needs to run and build: the bundler, Node 24 and Electron', () => {
  const { allowScripts } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { allowScripts: Record<string, boolean> };
  expect(Object.entries(allowScripts).filter(([, allowed]) => allowed).map(([name]) => name).sort()).toEqual(['electron', 'esbuild', 'node']);
});
