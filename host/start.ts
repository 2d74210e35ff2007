// Starts browser mode: opens (or creates) the encrypted book in the data
// folder, serves the app on 127.0.0.1 and prints the one line to open.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkstation } from '#services/workstation.ts';
import { loadDemoBook } from '#demo/index.ts';
import { loadOrCreateKey } from './keyfile.ts';
import { startHost } from './server.ts';

export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'advisor-workstation');
}

export interface BrowserModeOptions {
  dataDir?: string;
  port?: number;
  staticDir?: string;
  demoClients?: number;
  onDemoBookLoaded?: () => void;
}

/** The app's version: package.json sits one folder up from both host/start.ts and the bundle in dist/. */
export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The data folder: the option, AW_DATA_DIR, or the user's data folder. */
export function resolveDataDir(dataDir?: string): string {
  return resolve(dataDir ?? process.env.AW_DATA_DIR ?? defaultDataDir());
}

export async function startBrowserMode(options: BrowserModeOptions = {}) {
  const dataDir = resolveDataDir(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const dbPath = join(dataDir, 'workstation.db');
  const key = loadOrCreateKey(join(dataDir, 'workstation.key'), existsSync(dbPath));
  const demoClients = options.demoClients ?? (process.env.AW_DEMO_CLIENTS ? Number(process.env.AW_DEMO_CLIENTS) : undefined);
  const workstation = openWorkstation({
    dbPath, key, mode: 'browser', demoClients, loadDemoBook, onDemoBookLoaded: options.onDemoBookLoaded, about: { version: appVersion(), dataDir },
  });
  const staticDir = options.staticDir ?? fileURLToPath(new URL('../dist/renderer', import.meta.url));
  const host = await startHost({
    router: workstation.router,
    staticDir,
    token: randomBytes(32).toString('base64url'),
    port: options.port ?? Number(process.env.AW_PORT ?? 0),
    log: (line) => console.log(line),
  });
  const stop = () => {
    host.server.close();
    host.server.closeAllConnections();
    workstation.close();
  };
  return { ...host, workstation, stop };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const arg = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  try {
    const { stop } = await startBrowserMode({ dataDir: arg('--data-dir'), port: arg('--port') ? Number(arg('--port')) : undefined });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { stop(); process.exit(0); });
  } catch (error) {
    console.error(`Advisor Workstation could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}
