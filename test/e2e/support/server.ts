// Starts the workstation the way the README does, `npm start`, on a fresh data
// folder: the bundled host and the built renderer, with the embedded demo
// backend unless a test brings its own. Reads the one line it prints, and can
// kill it hard and start it again on the same folder (a new port and a new
// token, like a real restart).
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const READY = /Advisor Workstation running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)/;

function groupAlive(pid: number): boolean {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

export interface WorkstationOptions {
  /** A smaller demo book, for tests that do not need the full one. */
  demoClients?: number;
  /** 'none': without the embedded demo backend (`AW_BACKEND=none npm start`), for tests that bring their own. */
  backend?: 'demo' | 'none';
}

export class Workstation {
  readonly dataDir: string;
  readonly options: WorkstationOptions;
  /** The printed link: the page's address with this launch's secret. */
  url = '';
  origin = '';
  private child: ChildProcess | null = null;
  /** Everything the app printed, across restarts: attached to a failed test. */
  log = '';
  private exited: Promise<void> = Promise.resolve();

  constructor(options: WorkstationOptions = {}) {
    this.options = options;
    this.dataDir = mkdtempSync(join(tmpdir(), 'aw-e2e-'));
  }

  /** Starts the server and waits for its line; on a given port, or any free one. */
  async start(port?: number): Promise<this> {
    const env: NodeJS.ProcessEnv = { ...process.env, AW_DATA_DIR: this.dataDir, AW_BROWSER_MODE: '1' };
    delete env.AW_PORT;
    delete env.AW_BACKEND;
    if (port) env.AW_PORT = String(port);
    if (this.options.backend === 'none') env.AW_BACKEND = 'none';
    if (this.options.demoClients !== undefined) env.AW_DEMO_CLIENTS = String(this.options.demoClients);
    // Its own process group: a kill reaches npm and the app behind it alike.
    const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));

    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      // Generous: npm start builds the host and opens the embedded backend, which on a busy machine takes a while.
      const timer = setTimeout(() => reject(new Error(`the workstation did not start within 90 s:\n${output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = READY.exec(output);
        if (match) { clearTimeout(timer); resolve(match[1]!); }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      const keep = (chunk: Buffer) => { this.log += chunk.toString(); };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the workstation exited with ${code}:\n${output}`)); });
    });
    this.url = url;
    this.origin = new URL(url).origin;
    return this;
  }

  /** Ends the server the hard way (SIGKILL by default: no clean shutdown, like a crash). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, signal);
    await this.exited;
    // npm may be gone before the app behind it: wait until the whole group is.
    for (let i = 0; i < 200 && groupAlive(child.pid!); i++) await new Promise((r) => setTimeout(r, 25));
    this.child = null;
  }

  /** Starts again on the same data folder with a new token; on a new port unless told to keep it. */
  async restart({ samePort = false } = {}): Promise<this> {
    const port = samePort ? Number(new URL(this.origin).port) : undefined;
    await this.kill();
    return this.start(port);
  }

  async dispose(): Promise<void> {
    await this.kill('SIGTERM');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Opens the printed link (it carries the secret), on a screen of the app if given: '#/clients'. */
export async function openApp(page: Page, ws: Workstation, hash = ''): Promise<void> {
  await page.goto(ws.url + hash);
}

/** Goes through first start in German, with or without the demo book. */
export async function setUp(page: Page, { name = 'Anna Berger', demoBook = false } = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Willkommen' })).toBeVisible();
  await page.getByLabel('Ihr Name').fill(name);
  const demo = page.getByLabel('Demo-Bestand laden');
  if ((await demo.isChecked()) !== demoBook) await demo.click();
  await page.getByRole('button', { name: 'Arbeitsplatz einrichten' }).click();
  await expect(page.getByRole('heading', { name: 'Kundenbestand' })).toBeVisible({ timeout: 30_000 });
}

export const test = base.extend<{
  /** How the `workstation` fixture starts: `test.use({ workstationOptions: { backend: 'none' } })`. */
  workstationOptions: WorkstationOptions;
  workstation: Workstation;
  startWorkstation: (options?: WorkstationOptions) => Promise<Workstation>;
}>({
  workstationOptions: [{}, { option: true }],
  startWorkstation: async ({}, use, testInfo) => {
    const started: Workstation[] = [];
    await use(async (options) => {
      const ws = new Workstation(options);
      started.push(ws);
      return ws.start();
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, ws] of started.entries()) await testInfo.attach(`workstation-${i + 1}.log`, { body: ws.log, contentType: 'text/plain' });
    }
    for (const ws of started) await ws.dispose();
  },
  workstation: async ({ startWorkstation, workstationOptions }, use) => {
    await use(await startWorkstation(workstationOptions));
  },
});

export { expect };
