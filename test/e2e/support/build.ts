// Builds the renderer and the manufacturer's console once before the suite,
// unless both builds are newer than every source they bundle (their own, and
// the core and contract).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export default function globalSetup(): void {
  const built = ['renderer', 'console'].map((page) => join(root, 'dist', page, 'index.html'));
  const sources = Math.max(
    ...['renderer', 'console', 'core', 'contract', 'vite.config.ts', 'vite.console.config.ts'].map((path) => newest(join(root, path))),
  );
  if (built.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)) return;
  execFileSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'inherit' });
}
