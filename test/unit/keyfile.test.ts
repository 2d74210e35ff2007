import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyFileError, loadOrCreateKey } from '#host/keyfile.ts';
import { tempDir } from '../support/book.ts';

let t = tempDir();
afterEach(() => { t.cleanup(); t = tempDir(); });

describe('browser-mode key file', () => {
  it('creates a random key readable by the user only, and reads the same key back', () => {
    const path = join(t.dir, 'k');
    const key = loadOrCreateKey(path, false);
    expect(key.length).toBe(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKey(path, true).equals(key)).toBe(true);
  });
  it('never makes a new key for an existing book', () => {
    const path = join(t.dir, 'k');
    expect(() => loadOrCreateKey(path, true)).toThrow(KeyFileError);
    expect(existsSync(path)).toBe(false);
  });
  it('refuses a damaged key file without touching it', () => {
    const path = join(t.dir, 'k');
    writeFileSync(path, 'not a key', { mode: 0o600 });
    expect(() => loadOrCreateKey(path, true)).toThrow(/not a valid key/);
    expect(readFileSync(path, 'utf8')).toBe('not a key');
  });
});
