// Files that hold clients' data or the key to it are readable by this user
// only (0600), whatever the umask: the encrypted book, its -wal and -shm, the
// browser mode's key file, and the demo backend's log.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { privateLogFile } from '#backend/log.ts';
import { openDatabase } from '#db/open.ts';
import { loadOrCreateKey } from '#host/keyfile.ts';
import { tempDir } from '../support/book.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

let previousUmask: number;
// The usual umask, which by itself would make new files readable by everyone.
beforeAll(() => { previousUmask = process.umask(0o022); });
afterAll(() => { process.umask(previousUmask); });

let t = tempDir();
afterEach(() => { t.cleanup(); t = tempDir(); });

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('a new book, its -wal and its -shm are created 0600', () => {
    // Under this umask a plain new file is readable by everyone.
    writeFileSync(join(t.dir, 'plain'), 'x');
    expect(modeOf(join(t.dir, 'plain'))).toBe(0o644);
    const path = join(t.dir, 'workstation.db');
    const { sqlite } = openDatabase({ path, key: randomBytes(32) });
    try {
      sqlite.prepare('CREATE TABLE probe (x)').run();
      sqlite.prepare('INSERT INTO probe VALUES (1)').run();
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(modeOf(file), file).toBe(0o600);
      }
    } finally {
      sqlite.close();
    }
  });

  it('a book left readable to others is made private when opened', () => {
    const path = join(t.dir, 'workstation.db');
    const key = randomBytes(32);
    openDatabase({ path, key }).sqlite.close();
    // As an older version (or a copy from a backup) may have left them.
    chmodSync(path, 0o644);
    writeFileSync(`${path}-wal`, '', { mode: 0o644 });
    expect(modeOf(path)).toBe(0o644);
    const { sqlite } = openDatabase({ path, key });
    try {
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(modeOf(file), file).toBe(0o600);
    } finally {
      sqlite.close();
    }
  });

  it('the key file of browser mode is created 0600', () => {
    const path = join(t.dir, 'workstation.key');
    loadOrCreateKey(path, false);
    expect(modeOf(path)).toBe(0o600);
  });

  it('the backend log file is created 0600, and an old one readable to others is tightened', async () => {
    for (const existing of [false, true]) {
      const path = join(t.dir, `backend-${existing}.log`);
      if (existing) writeFileSync(path, 'old line\n', { mode: 0o644 });
      const stream = privateLogFile(path);
      await new Promise<void>((resolve, reject) => stream.write('{"msg":"request"}\n', (e) => (e ? reject(e) : resolve())));
      await new Promise<void>((resolve) => stream.end(resolve));
      expect(modeOf(path), path).toBe(0o600);
    }
  });
});
