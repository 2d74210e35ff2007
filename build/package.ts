// `npm run package [-- --check] [-- --linux|--win|--mac]`: the installers.
//
// First what can be known without building: electron-builder's own check of
// build/electron-builder.yml, the update address the app will be built with
// (AW_UPDATE_URL, https), and whether Electron itself can be had: electron-
// builder downloads the Electron of each target platform (from GitHub, or
// ELECTRON_MIRROR). Where it cannot, this says so and stops before building
// anything. With --check it stops there in any case (exit 0 when the
// configuration is valid), which is what a machine without Electron can do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FeedError, feedFolder } from '../electron/update/feed.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const CONFIG = join(root, 'build', 'electron-builder.yml');
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const platforms = args.filter((a) => ['--linux', '--win', '--mac'].includes(a));

function stop(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

// 1. The configuration, as electron-builder reads and checks it.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, path: string, options: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const config = await getConfig(root, CONFIG, null);
try {
  await validateConfiguration(config, new DebugLogger(false));
} catch (error) {
  stop(1, `build/electron-builder.yml is not valid: ${(error as Error).message}`);
}
const targets = (platform: string) => ((config[platform] as { target?: string[] } | undefined)?.target ?? []).join(', ');
console.log(`Packaging configuration valid: Windows ${targets('win')}; macOS ${targets('mac')}; Linux ${targets('linux')}.`);

// 2. The update address the installers carry.
const updateUrl = process.env.AW_UPDATE_URL?.trim();
if (!updateUrl) {
  const say = 'AW_UPDATE_URL is not set: the installers need the address of the manufacturer\'s update feed, e.g. AW_UPDATE_URL=https://updates.example.com/advisor-workstation/ npm run package.';
  if (!checkOnly) stop(1, say);
  console.log(say);
} else {
  try {
    console.log(`Update feed: ${feedFolder(updateUrl).href}`);
  } catch (error) {
    stop(1, `AW_UPDATE_URL cannot be used: ${error instanceof FeedError ? error.message : String(error)}`);
  }
}

// 3. Electron itself: electron-builder downloads each target's build of this version.
const version = (require('electron/package.json') as { version: string }).version;
const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
const probe = `${mirror}${mirror.endsWith('/') ? '' : '/'}v${version}/electron-v${version}-linux-x64.zip`;
let reachable: string | null = null;
try {
  const response = await fetch(probe, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  // GitHub answers with a redirect to its file store: the file is there.
  if (response.status >= 400) reachable = `answered ${response.status}`;
} catch (error) {
  reachable = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
}
if (reachable !== null) {
  const say = `Electron ${version} cannot be downloaded here (${new URL(probe).host}: ${reachable}). `
    + 'The installers are built from it, so they cannot be built on this machine; the configuration above is valid. '
    + 'Build them where GitHub is reachable, or set ELECTRON_MIRROR to a mirror of Electron\'s releases.';
  if (checkOnly) {
    console.log(say);
    process.exit(0);
  }
  stop(2, say);
}
console.log(`Electron ${version}: available from ${new URL(probe).host}.`);
if (checkOnly) process.exit(0);

// 4. Build what is packed, then the installers (nothing is published from here).
for (const script of ['build:renderer', 'build:electron']) {
  const run = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) stop(run.status ?? 1, `npm run ${script} failed.`);
}
const builder = spawnSync('npx', ['electron-builder', '--config', CONFIG, '--publish', 'never', ...platforms], { cwd: root, stdio: 'inherit' });
process.exit(builder.status ?? 1);
