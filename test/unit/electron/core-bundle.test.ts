// What ships: `npm run build:electron` bundles the core's process entry beside
// main (dist/electron/core.mjs, which electron-builder packs with the rest of
// dist/), and main's own bundle carries no database: the book opens only in
// the core's process.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const out = join(root, 'dist', 'electron');
let main = '';
let core = '';

beforeAll(() => {
  const built = spawnSync(process.execPath, ['build/electron.ts'], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  main = readFileSync(join(out, 'main.mjs'), 'utf8');
  core = readFileSync(join(out, 'core.mjs'), 'utf8');
}, 120_000);

it('main starts the core as a utility process from the bundle beside it', () => {
  expect(main).toMatch(/utilityProcess\.fork\([^)]*core\.mjs/);
});

it('main holds no database, services or demo generator; the core holds them', () => {
  for (const marker of ['better-sqlite3', 'journal_mode = WAL', 'generateDemoBook', 'concludeFromAnswers']) {
    expect(main, marker).not.toContain(marker);
    expect(core, marker).toContain(marker);
  }
});

it('the core serves the windows over the parent port with the router, and nothing of the windows', () => {
  expect(core).toContain('parentPort');
  expect(core).not.toContain('BrowserWindow');
});
