// Device tokens, integration tokens and enrolment codes: made from the operating system's random
// source, kept only as SHA-256 hashes, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export const DEVICE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * An assistant integration's token: `awi_` and 32 random bytes. The prefix
 * tells the two kinds of credential apart at a glance, so a token sent to
 * the wrong kind of route gets a message saying which route it is for.
 */
export function newIntegrationToken(): string {
  return `awi_${randomBytes(32).toString('base64url')}`;
}

export const INTEGRATION_TOKEN_PATTERN = /^awi_[A-Za-z0-9_-]{43}$/;

/** Letters and digits that cannot be mistaken for each other when typed (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_GROUPS = 3;
const CODE_GROUP_LENGTH = 4;

/** A one-time enrolment code like `ABCD-EFGH-JKMN`: 12 characters, about 59 bits. */
export function newEnrolmentCode(): string {
  const chars: string[] = [];
  const total = CODE_GROUPS * CODE_GROUP_LENGTH;
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (chars.length < total) {
    for (const byte of randomBytes(total * 2)) {
      if (byte < limit && chars.length < total) chars.push(CODE_ALPHABET[byte % CODE_ALPHABET.length]!);
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < total; i += CODE_GROUP_LENGTH) groups.push(chars.slice(i, i + CODE_GROUP_LENGTH).join(''));
  return groups.join('-');
}

/** The code as it is hashed: upper case, without spaces or dashes, so `abcd efgh-jkmn` works too. */
export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
