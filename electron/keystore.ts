// The database key of the desktop app.
//
// Normally a random 256-bit key, kept only wrapped by the operating system's
// secret store (Electron safeStorage: Keychain, DPAPI, libsecret/KWallet).
//
// On Linux without a keyring, safeStorage silently falls back to 'basic_text':
// it "encrypts" with a password that is hard-coded in Chromium, so a wrapped
// key file would be as good as the key in the clear, and anyone with a copy of
// the profile folder could read every client's data. There the key is derived
// from a passphrase the user types at every start instead, with a slow,
// memory-hard KDF (scrypt) so that guessing passphrases from a stolen copy is
// expensive. The salt and KDF parameters are not secret; they sit beside the
// database in a small JSON file.
//
// Nothing here ever overwrites or recreates a key, a salt or a database: a
// lost or unreadable key is reported, never replaced, because a new key
// cannot open the old book.
import { randomBytes, scrypt } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_LENGTH = 32;
export const WRAPPED_KEY_FILE = 'workstation.key';
export const KDF_FILE = 'workstation.kdf.json';

/** The parts of Electron's safeStorage this module uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** scrypt with N=2^17, r=8, p=1: about 128 MiB and a noticeable fraction of a second per guess. */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

interface KdfFile extends KdfParams {
  version: 1;
  kdf: 'scrypt';
  keyLength: typeof KEY_LENGTH;
  salt: string;
}

export type KeyStoreErrorReason =
  | 'keyring_unavailable'
  | 'key_unreadable'
  | 'key_missing'
  | 'kdf_missing'
  | 'kdf_invalid'
  | 'passphrase_invalid';

export class KeyStoreError extends Error {
  readonly reason: KeyStoreErrorReason;
  constructor(reason: KeyStoreErrorReason, message: string) {
    super(message);
    this.name = 'KeyStoreError';
    this.reason = reason;
  }
}

export type KeyState =
  | { kind: 'ready'; key: Buffer }
  | { kind: 'needs_passphrase'; firstTime: boolean };

export interface LoadKeyOptions {
  /** Folder of the wrapped key and the KDF file (the user data folder, beside the database). */
  dir: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** Whether the database file exists already. */
  databaseExists: boolean;
}

const PLAIN_TEXT_BACKENDS = new Set(['basic_text', 'unknown']);

/** Does safeStorage protect with a real OS secret store (not Chromium's fixed password)? */
export function hasSecureStorage(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return !PLAIN_TEXT_BACKENDS.has(backend);
}

/**
 * Finds out how to get the key. What is on disk decides first, so a book
 * created with a passphrase stays a passphrase book even if a keyring shows up
 * later, and a wrapped key is never silently replaced.
 */
export function loadKey(options: LoadKeyOptions): KeyState {
  const { dir, safeStorage, platform, databaseExists } = options;
  const wrappedPath = join(dir, WRAPPED_KEY_FILE);

  if (existsSync(join(dir, KDF_FILE))) return { kind: 'needs_passphrase', firstTime: !databaseExists };
  if (existsSync(wrappedPath)) return { kind: 'ready', key: unwrapKey(wrappedPath, safeStorage) };
  if (databaseExists) {
    throw new KeyStoreError('key_missing',
      `The key file ${wrappedPath} is missing, so the existing book cannot be opened. ` +
      'Nothing was changed: restore the key file from your backup.');
  }
  if (!hasSecureStorage(safeStorage, platform)) return { kind: 'needs_passphrase', firstTime: true };

  const key = randomBytes(KEY_LENGTH);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeNewFile(wrappedPath, safeStorage.encryptString(key.toString('base64')));
  return { kind: 'ready', key };
}

function unwrapKey(wrappedPath: string, safeStorage: SafeStorageLike): Buffer {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new KeyStoreError('keyring_unavailable',
      'The key of this book is protected by the system keyring, which is not available now. ' +
      'Nothing was changed: unlock the keyring (or log in to the desktop session that has it) and start again.');
  }
  let encoded: string;
  try {
    encoded = safeStorage.decryptString(readFileSync(wrappedPath));
  } catch {
    throw new KeyStoreError('key_unreadable',
      `The key file ${wrappedPath} cannot be unwrapped by the system keyring of this user. ` +
      'Nothing was changed: start the app as the user who created the book, or restore the key file from your backup.');
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== KEY_LENGTH || key.toString('base64') !== encoded) {
    throw new KeyStoreError('key_unreadable',
      `The key file ${wrappedPath} does not hold a valid key. Nothing was changed: restore it from your backup.`);
  }
  return key;
}

export interface PassphraseOptions {
  /** Folder of the KDF file (beside the database). */
  dir: string;
  passphrase: string;
  /** First start: create the KDF file if it does not exist yet. An existing one is always kept. */
  create: boolean;
  /** Parameters for a new KDF file; existing files keep theirs. */
  params?: KdfParams;
}

export const PASSPHRASE_MAX_LENGTH = 1024;

/** Derives the database key from a passphrase with the salt and parameters stored beside the database. */
export async function keyFromPassphrase(options: PassphraseOptions): Promise<Buffer> {
  const { dir, passphrase, create, params = DEFAULT_KDF } = options;
  if (typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > PASSPHRASE_MAX_LENGTH) {
    throw new KeyStoreError('passphrase_invalid', `The passphrase must be 1 to ${PASSPHRASE_MAX_LENGTH} characters long.`);
  }
  const kdfPath = join(dir, KDF_FILE);
  if (!existsSync(kdfPath)) {
    if (!create) {
      throw new KeyStoreError('kdf_missing',
        `The file ${kdfPath} (salt and key derivation settings) is missing, so the passphrase cannot be turned into the key. ` +
        'Nothing was changed: restore the file from your backup.');
    }
    assertParams(params, kdfPath);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file: KdfFile = {
      version: 1, kdf: 'scrypt', ...pick(params), keyLength: KEY_LENGTH, salt: randomBytes(16).toString('base64'),
    };
    try {
      writeNewFile(kdfPath, Buffer.from(JSON.stringify(file, null, 2) + '\n', 'utf8'));
    } catch (error) {
      // Another start created it first: keep theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const stored = readKdfFile(kdfPath);
  return deriveKey(passphrase.normalize('NFC'), Buffer.from(stored.salt, 'base64'), stored);
}

function pick({ N, r, p }: KdfParams): KdfParams {
  return { N, r, p };
}

function assertParams({ N, r, p }: KdfParams, kdfPath: string): void {
  const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  // Bounds keep a damaged or tampered file from asking for gigabytes or hours.
  const ok = isInt(N) && N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0
    && isInt(r) && r >= 1 && r <= 32 && isInt(p) && p >= 1 && p <= 16;
  if (!ok) {
    throw new KeyStoreError('kdf_invalid',
      `The key derivation settings in ${kdfPath} are out of range. Nothing was changed: restore the file from your backup.`);
  }
}

function readKdfFile(kdfPath: string): KdfFile {
  let data: Partial<KdfFile>;
  try {
    data = JSON.parse(readFileSync(kdfPath, 'utf8')) as Partial<KdfFile>;
  } catch {
    data = {};
  }
  const salt = typeof data.salt === 'string' ? Buffer.from(data.salt, 'base64') : Buffer.alloc(0);
  if (data.version !== 1 || data.kdf !== 'scrypt' || data.keyLength !== KEY_LENGTH || salt.length < 16) {
    throw new KeyStoreError('kdf_invalid',
      `The file ${kdfPath} is not a valid key derivation file. Nothing was changed: restore it from your backup.`);
  }
  assertParams(data as KdfParams, kdfPath);
  return data as KdfFile;
}

function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: KdfParams): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default limit (32 MiB) is below N=2^17.
  const maxmem = 2 * 128 * N * r;
  return new Promise((resolvePromise, reject) => {
    scrypt(passphrase, salt, KEY_LENGTH, { N, r, p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolvePromise(key);
    });
  });
}

/**
 * Writes a file readable by the user only, completely or not at all, and never
 * over an existing one: the data goes to a temporary file first, which is then
 * hard-linked to its name (link fails if the name exists).
 */
export function writeNewFile(path: string, data: Buffer): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temp, path);
  } finally {
    unlinkSync(temp);
  }
}
