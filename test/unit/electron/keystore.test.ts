// Key handling of the desktop app, with a fake safeStorage and real files.
import { scryptSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF, KDF_FILE, KeyStoreError, WRAPPED_KEY_FILE, hasSecureStorage, keyFromPassphrase, loadKey, writeNewFile,
  type SafeStorageLike,
} from '../../../electron/keystore.ts';

/** Reversible like the real one, and visibly not the plain text. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { available: boolean } {
  const mask = (data: Buffer) => Buffer.from(data.map((byte) => byte ^ 0x5a));
  return {
    available: options.available ?? true,
    isEncryptionAvailable() { return this.available; },
    encryptString: (plain) => Buffer.concat([Buffer.from('v10'), mask(Buffer.from(plain, 'utf8'))]),
    decryptString: (encrypted) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return mask(encrypted.subarray(3)).toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

/** Cheap parameters for tests that are not about the cost of the KDF. */
const FAST = { N: 2 ** 10, r: 8, p: 1 };

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'keystore-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const snapshot = (folder: string) => Object.fromEntries(
  readdirSync(folder).map((name) => [name, readFileSync(join(folder, name)).toString('base64')]),
);

describe('hasSecureStorage', () => {
  it.each([
    ['darwin', true, undefined, true],
    ['win32', true, undefined, true],
    ['win32', false, undefined, false],
    ['linux', true, 'gnome_libsecret', true],
    ['linux', true, 'kwallet6', true],
    ['linux', true, 'basic_text', false],
    ['linux', true, 'unknown', false],
    ['linux', false, 'gnome_libsecret', false],
  ] as const)('%s, available=%s, backend=%s -> %s', (platform, available, backend, secure) => {
    expect(hasSecureStorage(fakeSafeStorage({ available, backend }), platform)).toBe(secure);
  });
});

describe('loadKey with a system keyring', () => {
  it('creates a random key once, wrapped, readable by the user only, and unwraps it on later starts', () => {
    const safeStorage = fakeSafeStorage();
    const first = loadKey({ dir, safeStorage, platform: 'darwin', databaseExists: false });
    expect(first.kind).toBe('ready');
    const key = first.kind === 'ready' ? first.key : Buffer.alloc(0);
    expect(key).toHaveLength(32);

    const wrapped = readFileSync(join(dir, WRAPPED_KEY_FILE));
    expect(wrapped.includes(key)).toBe(false);
    expect(wrapped.toString('latin1')).not.toContain(key.toString('base64'));
    expect(wrapped.toString('latin1')).not.toContain(key.toString('hex'));
    expect(Buffer.from(safeStorage.decryptString(wrapped), 'base64')).toEqual(key);
    if (process.platform !== 'win32') expect(statSync(join(dir, WRAPPED_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([WRAPPED_KEY_FILE]);

    const again = loadKey({ dir, safeStorage, platform: 'darwin', databaseExists: true });
    expect(again).toEqual({ kind: 'ready', key });
  });

  it('makes a different key for a different book', () => {
    const a = loadKey({ dir, safeStorage: fakeSafeStorage(), platform: 'win32', databaseExists: false });
    const other = mkdtempSync(join(tmpdir(), 'keystore-'));
    try {
      const b = loadKey({ dir: other, safeStorage: fakeSafeStorage(), platform: 'win32', databaseExists: false });
      expect(a.kind === 'ready' && b.kind === 'ready' && a.key.equals(b.key)).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses, and changes nothing, when the keyring is gone', () => {
    const safeStorage = fakeSafeStorage();
    loadKey({ dir, safeStorage, platform: 'linux', databaseExists: false });
    const before = snapshot(dir);
    safeStorage.available = false;
    expect(() => loadKey({ dir, safeStorage, platform: 'linux', databaseExists: true }))
      .toThrow(expect.objectContaining({ reason: 'keyring_unavailable' }));
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses, and changes nothing, when the key file cannot be unwrapped', () => {
    writeFileSync(join(dir, WRAPPED_KEY_FILE), 'garbage');
    const before = snapshot(dir);
    expect(() => loadKey({ dir, safeStorage: fakeSafeStorage(), platform: 'darwin', databaseExists: true }))
      .toThrow(expect.objectContaining({ reason: 'key_unreadable' }));
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a wrapped value that is not a 32-byte key', () => {
    const safeStorage = fakeSafeStorage();
    writeFileSync(join(dir, WRAPPED_KEY_FILE), safeStorage.encryptString(Buffer.alloc(16).toString('base64')));
    expect(() => loadKey({ dir, safeStorage, platform: 'darwin', databaseExists: true }))
      .toThrow(expect.objectContaining({ reason: 'key_unreadable' }));
  });

  it('never makes a new key for an existing book whose key is lost', () => {
    expect(() => loadKey({ dir, safeStorage: fakeSafeStorage(), platform: 'darwin', databaseExists: true }))
      .toThrow(KeyStoreError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('loadKey without a real keyring', () => {
  it.each([
    ['linux', 'basic_text', true],
    ['linux', 'unknown', true],
    ['win32', 'gnome_libsecret', false],
  ] as const)('%s with backend %s (available=%s) asks for a passphrase and writes nothing', (platform, backend, available) => {
    const state = loadKey({ dir, safeStorage: fakeSafeStorage({ available, backend }), platform, databaseExists: false });
    expect(state).toEqual({ kind: 'needs_passphrase', firstTime: true });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps asking for the passphrase once a book has one, even when a keyring appears later', async () => {
    await keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: true, params: FAST });
    const state = loadKey({ dir, safeStorage: fakeSafeStorage({ backend: 'gnome_libsecret' }), platform: 'linux', databaseExists: true });
    expect(state).toEqual({ kind: 'needs_passphrase', firstTime: false });
    expect(existsSync(join(dir, WRAPPED_KEY_FILE))).toBe(false);
  });
});

describe('keyFromPassphrase', () => {
  it('uses scrypt with N=2^17, r=8, p=1 and a random 16-byte salt kept in a JSON file', async () => {
    const key = await keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: true });
    const file = JSON.parse(readFileSync(join(dir, KDF_FILE), 'utf8'));
    expect(file).toMatchObject({ version: 1, kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyLength: 32 });
    expect(DEFAULT_KDF).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const salt = Buffer.from(file.salt, 'base64');
    expect(salt).toHaveLength(16);
    expect(key).toEqual(scryptSync('correct horse battery', salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 2 ** 20 }));
    if (process.platform !== 'win32') expect(statSync(join(dir, KDF_FILE)).mode & 0o777).toBe(0o600);
  });

  it('gives the same key for the same passphrase and a different key for another', async () => {
    const first = await keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: true, params: FAST });
    const same = await keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: false });
    const other = await keyFromPassphrase({ dir, passphrase: 'correct horse batterY', create: false });
    expect(first).toHaveLength(32);
    expect(same).toEqual(first);
    expect(other.equals(first)).toBe(false);
  });

  it('treats the same text typed in another Unicode form as the same passphrase', async () => {
    const composed = await keyFromPassphrase({ dir, passphrase: 'Grüße aus München', create: true, params: FAST });
    const decomposed = await keyFromPassphrase({ dir, passphrase: 'Grüße aus München'.normalize('NFD'), create: false });
    expect(decomposed).toEqual(composed);
  });

  it('gives a different key with another salt', async () => {
    const a = await keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: true, params: FAST });
    const other = mkdtempSync(join(tmpdir(), 'keystore-'));
    try {
      const b = await keyFromPassphrase({ dir: other, passphrase: 'correct horse battery', create: true, params: FAST });
      expect(b.equals(a)).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('never overwrites an existing salt file, even when asked to create one', async () => {
    const first = await keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: true, params: FAST });
    const before = readFileSync(join(dir, KDF_FILE));
    const second = await keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: true, params: { N: 2 ** 11, r: 8, p: 1 } });
    expect(readFileSync(join(dir, KDF_FILE))).toEqual(before);
    expect(second).toEqual(first);
    expect(readdirSync(dir)).toEqual([KDF_FILE]);
  });

  it('refuses when the salt file is missing and must not be created', async () => {
    await expect(keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: false }))
      .rejects.toMatchObject({ reason: 'kdf_missing' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['damaged JSON', '{"version":1,'],
    ['another KDF', JSON.stringify({ version: 1, kdf: 'pbkdf2', N: 1024, r: 8, p: 1, keyLength: 32, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' })],
    ['a short salt', JSON.stringify({ version: 1, kdf: 'scrypt', N: 1024, r: 8, p: 1, keyLength: 32, salt: 'AAAA' })],
    ['a huge N', JSON.stringify({ version: 1, kdf: 'scrypt', N: 2 ** 30, r: 8, p: 1, keyLength: 32, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' })],
    ['N not a power of two', JSON.stringify({ version: 1, kdf: 'scrypt', N: 1000, r: 8, p: 1, keyLength: 32, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' })],
  ])('refuses a KDF file with %s and leaves it alone', async (_what, content) => {
    writeFileSync(join(dir, KDF_FILE), content);
    await expect(keyFromPassphrase({ dir, passphrase: 'correct horse battery', create: true }))
      .rejects.toMatchObject({ reason: 'kdf_invalid' });
    expect(readFileSync(join(dir, KDF_FILE), 'utf8')).toBe(content);
  });

  it.each([['empty', ''], ['too long', 'x'.repeat(1025)]])('refuses an %s passphrase before touching the disk', async (_what, passphrase) => {
    await expect(keyFromPassphrase({ dir, passphrase, create: true, params: FAST }))
      .rejects.toMatchObject({ reason: 'passphrase_invalid' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeNewFile', () => {
  it('writes a user-only file and refuses to replace an existing one', () => {
    const path = join(dir, 'secret');
    writeNewFile(path, Buffer.from('first'));
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => writeNewFile(path, Buffer.from('second'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['secret']);
  });
});
