// Browser mode keeps the database key in a file only the user can read.
// Weaker than the desktop app's OS keychain (anyone with the user's account
// or a copy of the whole folder can read both), and the README says so.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export class KeyFileError extends Error {}

export function loadOrCreateKey(keyPath: string, databaseExists: boolean): Buffer {
  if (!existsSync(keyPath)) {
    if (databaseExists) {
      throw new KeyFileError(`The key file ${keyPath} is missing, so the existing book cannot be opened. ` +
        'Nothing was changed: restore the key file from your backup.');
    }
    const key = randomBytes(32);
    writeFileSync(keyPath, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  }
  if (process.platform !== 'win32' && (statSync(keyPath).mode & 0o077) !== 0) chmodSync(keyPath, 0o600);
  const hex = readFileSync(keyPath, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new KeyFileError(`The key file ${keyPath} is not a valid key. Nothing was changed: restore it from your backup.`);
  }
  return Buffer.from(hex, 'hex');
}
