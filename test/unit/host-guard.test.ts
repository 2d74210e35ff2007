import { describe, expect, it } from 'vitest';
import { bodyLimitOf, declaredTooLarge, hasSession, isAllowedHost, isAllowedOrigin, isDocument, MAX_BODY_BYTES, MAX_FORM_BODY_BYTES, MAX_LIST_BODY_BYTES, tokenFromUrl } from '#host/http-guard.ts';
import { MAX_FORM_BYTES } from '#contract/self-assessment.ts';
import { MAX_LIST_BYTES } from '#contract/lists.ts';
import { resolveStatic } from '#host/static.ts';

const token = 'c2VjcmV0LXRva2VuLWZvci10ZXN0cw';

describe('browser-mode guards', () => {
  it('answers only on its own loopback address and port', () => {
    expect(isAllowedHost('127.0.0.1:4100', 4100)).toBe(true);
    expect(isAllowedHost('localhost:4100', 4100)).toBe(true);
    expect(isAllowedHost('evil.example:4100', 4100)).toBe(false);
    expect(isAllowedHost('127.0.0.1:4101', 4100)).toBe(false);
    expect(isAllowedHost(undefined, 4100)).toBe(false);
  });
  it('accepts calls only from its own page', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4100', 4100)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4101', 4100)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', 4100)).toBe(false);
    expect(isAllowedOrigin('null', 4100)).toBe(false);
    expect(isAllowedOrigin(undefined, 4100)).toBe(false);
  });
  it('needs this launch\'s secret: in the page\'s address, and in the header of every call', () => {
    expect(tokenFromUrl(new URL(`http://127.0.0.1:1/?token=${token}`), token)).toBe(true);
    expect(tokenFromUrl(new URL(`http://127.0.0.1:1/?token=${token}x`), token)).toBe(false);
    expect(tokenFromUrl(new URL('http://127.0.0.1:1/'), token)).toBe(false);
    expect(hasSession(`Bearer ${token}`, token)).toBe(true);
    expect(hasSession(`Bearer ${token}x`, token)).toBe(false);
    expect(hasSession(token, token)).toBe(false);
    expect(hasSession(`Basic ${token}`, token)).toBe(false);
    expect(hasSession('Bearer ', token)).toBe(false);
    expect(hasSession(undefined, token)).toBe(false);
  });
  it('asks the secret for the page, not for its scripts and styles', () => {
    expect(isDocument('/')).toBe(true);
    expect(isDocument('/index.html')).toBe(true);
    expect(isDocument('/clients')).toBe(true);
    expect(isDocument('/assets/index-abc.js')).toBe(false);
    expect(isDocument('/assets/index-abc.css')).toBe(false);
  });
  it('refuses a body declared over 1 MiB before reading it', () => {
    expect(declaredTooLarge(String(MAX_BODY_BYTES))).toBe(false);
    expect(declaredTooLarge(String(MAX_BODY_BYTES + 1))).toBe(true);
    expect(declaredTooLarge(String(150 * 1024 * 1024))).toBe(true);
    expect(declaredTooLarge(undefined)).toBe(false);
  });
  it('serves files from the app folder only', () => {
    expect(resolveStatic('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveStatic('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js');
    expect(resolveStatic('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveStatic('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStatic('/srv/app', '/..%5c..%5cetc')).toBeNull();
    expect(resolveStatic('/srv/app', '/a%00.js')).toBeNull();
    expect(resolveStatic('/srv/app', '/%E0%A4%A')).toBeNull();
    expect(resolveStatic('/srv/app', '/../app-other/x')).toBeNull();
  });
});

describe('body limits', () => {
  it('lets only the calls that carry a file (a client list, a returned form) be large; every other call stays small', () => {
    expect(bodyLimitOf('/rpc/lists/open')).toBe(MAX_LIST_BODY_BYTES);
    // The largest list the contract takes fits, as base64 inside the call's JSON.
    expect(MAX_LIST_BODY_BYTES).toBeGreaterThan((MAX_LIST_BYTES * 4) / 3);
    for (const path of ['/rpc/selfAssessment/read', '/rpc/selfAssessment/take']) expect(bodyLimitOf(path), path).toBe(MAX_FORM_BODY_BYTES);
    expect(MAX_FORM_BODY_BYTES).toBeGreaterThan((MAX_FORM_BYTES * 4) / 3);
    for (const path of ['/rpc/lists/apply', '/rpc/answers/set', '/rpc/lists/open/x', '/rpc/selfAssessment/make', '/']) expect(bodyLimitOf(path), path).toBe(MAX_BODY_BYTES);
  });
});
