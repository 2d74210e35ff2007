// `npm start`: the desktop app where Electron is installed; otherwise the
// same app in browser mode on 127.0.0.1, printing the one line to open.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The path of an installed Electron binary, or null when only its types are installed. */
export function electronBinary(): string | null {
  try {
    const dir = join(root, 'node_modules', 'electron');
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (import.meta.main) {
  // build:renderer also builds the manufacturer's console, which the embedded backend serves.
  const built = ['renderer', 'console'].every((page) => existsSync(join(root, 'dist', page, 'index.html')));
  if (!built) run('build:renderer');
  const electron = electronBinary();
  if (electron && process.env.AW_BROWSER_MODE !== '1') {
    run('build:electron');
    const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log('Electron is not installed here; starting browser mode.');
    run('build:host');
    // The bundle, not the sources: it starts several times faster.
    const host: typeof import('../host/start.ts') = await import(join(root, 'dist', 'host.mjs'));
    const { startWithDemoBackend } = await import('./demo-start.ts');
    const { stop } = await startWithDemoBackend(host);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { void stop().then(() => process.exit(0)); });
  }
}
