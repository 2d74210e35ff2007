// The installers as electron-builder will make them, checked where Electron
// cannot run: its own loader and schema read build/electron-builder.yml, and
// `npm run package` says whether the installers can be built here, building
// nothing when they cannot.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderConfig, REPO } from '../../support/builder-config.ts';

const root = REPO;

describe('the installers', () => {
  it('are made for Windows (NSIS), macOS (dmg, and the zip it updates from) and Linux (AppImage, deb), under the app’s name', async () => {
    const config = await builderConfig();
    expect({ name: config.productName, win: config.win.target, mac: config.mac.target, linux: config.linux.target })
      .toEqual({ name: 'Advisor Workstation', win: ['nsis'], mac: ['dmg', 'zip'], linux: ['AppImage', 'deb'] });
  });

  it('carry the app’s icon: a 1024×1024 PNG, from which electron-builder makes .ico and .icns', async () => {
    const config = await builderConfig();
    const png = readFileSync(`${root}${config.icon}`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('update from the manufacturer’s generic feed, set when packaging; Windows installs only updates of its publisher', async () => {
    const config = await builderConfig();
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.AW_UPDATE_URL}', channel: 'latest' }]);
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(config.win.signtoolOptions.publisherName).toHaveLength(1);
    // Packed with the app: electron-builder takes production dependencies only.
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    expect(pkg.dependencies['electron-updater']).toBeDefined();
  });
});

describe('npm run package', () => {
  let mirror: Server;
  let mirrorUrl = '';
  let closedUrl = '';
  beforeAll(async () => {
    // A mirror of Electron's releases that has every file (it answers as GitHub does, with a redirect).
    mirror = createServer((_req, res) => { res.writeHead(302, { location: 'http://127.0.0.1/file' }).end(); });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
    // A port nobody listens on: Electron cannot be had.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(() => new Promise((resolve) => mirror.close(resolve)));

  const run = async (args: string[], env: Record<string, string>) => {
    const { AW_UPDATE_URL: _, ...rest } = process.env;
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['build/package.ts', ...args], { cwd: root, env: { ...rest, ...env } });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };

  it('with --check, validates the configuration and says Electron cannot be downloaded here', async () => {
    const { code, out } = await run(['--check'], { ELECTRON_MIRROR: closedUrl, AW_UPDATE_URL: 'https://updates.example.com/aw' });
    expect(code).toBe(0);
    expect(out).toContain('Packaging configuration valid: Windows nsis; macOS dmg, zip; Linux AppImage, deb.');
    expect(out).toContain('Update feed: https://updates.example.com/aw/');
    expect(out).toMatch(/Electron \d+\.\d+\.\d+ cannot be downloaded here \(127\.0\.0\.1:\d+: .+\)\. The installers are built from it, so they cannot be built on this machine/);
  });

  it('without --check, stops there with its own exit code, before building anything', async () => {
    const { code, out } = await run([], { ELECTRON_MIRROR: closedUrl, AW_UPDATE_URL: 'https://updates.example.com/aw' });
    expect(code).toBe(2);
    expect(out).toContain('cannot be built on this machine');
    expect(out).not.toContain('vite');
  });

  it('says when Electron can be had', async () => {
    const { code, out } = await run(['--check'], { ELECTRON_MIRROR: mirrorUrl, AW_UPDATE_URL: 'https://updates.example.com/aw' });
    expect(code).toBe(0);
    expect(out).toMatch(/Electron \d+\.\d+\.\d+: available from 127\.0\.0\.1:\d+\./);
  });

  it('refuses to build without the update address, or with one that is not encrypted', async () => {
    const missing = await run([], { ELECTRON_MIRROR: mirrorUrl });
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('AW_UPDATE_URL is not set: the installers need the address of the manufacturer\'s update feed');
    const plain = await run([], { ELECTRON_MIRROR: mirrorUrl, AW_UPDATE_URL: 'http://updates.example.com/' });
    expect(plain.code).toBe(1);
    expect(plain.out).toContain('AW_UPDATE_URL cannot be used: The update address http://updates.example.com is not encrypted');
  });
});
