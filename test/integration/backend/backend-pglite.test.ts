// Smoke test of the real thing on a machine with nothing installed: the CLI
// and the server as separate processes on embedded PGlite in a temporary data
// folder (always PGlite, whatever DATABASE_URL says). Embedded mode is one
// process at a time, so the person is created before the server starts.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from './support.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let folder: ReturnType<typeof tempFolder>;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  folder = tempFolder();
  env = { ...process.env, AW_BACKEND_DATA_DIR: join(folder.dir, 'data'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
});
afterAll(() => folder?.cleanup());

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['backend/cli.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('backend on embedded PGlite', () => {
  it('create a user, enrol a device, serve, /health, /v1/me, stop on SIGTERM', async () => {
    const created = cli('create-user', '--name', 'Anna Berger', '--roles', 'advisor,life_coach');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$/);
    const userId = created.stdout.trim();

    const enrolled = cli('enrol', '--user', 'Anna Berger');
    expect(enrolled.status).toBe(0);
    expect(enrolled.stdout).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\n$/);
    const code = enrolled.stdout.trim();

    const server = spawn(process.execPath, ['backend/cli.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    let stderr = '';
    server.stderr.on('data', (d) => { stderr += String(d); });
    const exited = new Promise<number | null>((resolve) => server.once('exit', (status) => resolve(status)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: server.stdout });
        lines.on('line', (line) => {
          out.push(line);
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'listening') resolve(entry.url!);
        });
        server.once('exit', () => reject(new Error(`the server ended before listening: ${stderr}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });

      // The data folder is the server's now: the CLI says so instead of damaging it.
      const busy = cli('enrol', '--user', userId);
      expect(busy.status).toBe(1);
      expect(busy.stderr).toMatch(/in use by process \d+.*stop the backend first, or set DATABASE_URL/s);

      const enrol = await fetch(`${url}/v1/enrol`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'Anna’s laptop' }),
      });
      expect(enrol.status).toBe(201);
      const { token, deviceId } = await enrol.json() as { token: string; deviceId: string };

      const me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({
        device: { id: deviceId, name: 'Anna’s laptop', lastSeq: 0 },
        user: { id: userId, displayName: 'Anna Berger', roles: ['advisor', 'life_coach'] },
      });

      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      const log = out.join('\n');
      expect(log).toContain('"msg":"stopped"');
      expect(log).toContain(`"deviceId":"${deviceId}"`);
      for (const secret of [token, code, 'Anna Berger']) expect(log + stderr).not.toContain(secret);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }

    // Stopped: the data folder is free again, and the data is still there.
    const again = cli('enrol', '--user', userId);
    expect(again.status).toBe(0);
  }, 180_000);

  it('explains a wrong command line with exit status 2, before touching the database', () => {
    const badRole = cli('create-user', '--name', 'Ben', '--roles', 'advisor,boss');
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('unknown role "boss": use advisor, life_coach, retailer, manufacturer, admin');
    const missing = cli('enrol');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--user is required');
    const unknown = cli('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});
