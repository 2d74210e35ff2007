// Browser mode as the integration tests start it: its own data folder, a
// one-line page in place of the built renderer, and no demo clients.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserMode } from '#host/start.ts';
import { tempDir } from './book.ts';

export async function startTestBrowserMode() {
  const dir = tempDir();
  const staticDir = join(dir.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Advisor Workstation</title>');
  const app = await startBrowserMode({ dataDir: join(dir.dir, 'data'), staticDir, demoClients: 0 });
  return { app, dir, stop: () => { app.stop(); dir.cleanup(); } };
}
