// The desktop shell's security decisions, one by one.
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN, appFileHeaders, contentSecurityPolicy, contentTypeFor, isTrustedSender, isTrustedUrl, isUnlockSender,
  navigationDecision, permissionDecision, resolveAppPath, resolveAppRequest, windowOpenDecision,
} from '../../../electron/security.ts';

const UNTRUSTED = [
  'app://workstation.evil.com/index.html',
  'app://evil.com/workstation/index.html',
  'app://other/index.html',
  'app://workstation:8080/index.html',
  'app://user@workstation/index.html',
  'app://user:pw@workstation/index.html',
  'file:///etc/passwd',
  'file://workstation/index.html',
  'http://127.0.0.1/',
  'http://127.0.0.1:5173/index.html',
  'https://workstation/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://workstation/0d6e3c1a',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'app:workstation/index.html',
  '',
  'not a url',
];

describe('isTrustedUrl', () => {
  it.each(['app://workstation/', 'app://workstation/index.html', 'app://workstation/assets/app.js?v=1#top'])('trusts %s', (url) => {
    expect(isTrustedUrl(url)).toBe(true);
  });

  it.each(UNTRUSTED)('does not trust %s', (url) => {
    expect(isTrustedUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['app://workstation/']])('does not trust the non-string %j', (value) => {
    expect(isTrustedUrl(value)).toBe(false);
  });
});

describe('navigation, windows and permissions', () => {
  it('allows navigation inside the app only', () => {
    expect(navigationDecision(`${APP_ORIGIN}/index.html`)).toBe('allow');
    for (const url of UNTRUSTED) expect(navigationDecision(url)).toBe('deny');
  });

  it('never opens a window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('grants no permission', () => {
    expect(permissionDecision()).toBe(false);
  });
});

describe('IPC senders', () => {
  it('gives the workstation port to the app page only', () => {
    expect(isTrustedSender('app://workstation/index.html')).toBe(true);
    expect(isTrustedSender('app://workstation/')).toBe(true);
    expect(isTrustedSender('app://workstation/unlock/index.html')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    for (const url of UNTRUSTED) expect(isTrustedSender(url)).toBe(false);
  });

  it('takes a passphrase from the unlock page only', () => {
    expect(isUnlockSender('app://workstation/unlock/index.html')).toBe(true);
    expect(isUnlockSender('app://workstation/unlock/index.html?lang=en&setup=1')).toBe(true);
    expect(isUnlockSender('app://workstation/index.html')).toBe(false);
    expect(isUnlockSender('app://workstation/unlock/other.html')).toBe(false);
    expect(isUnlockSender('app://workstation.evil.com/unlock/index.html')).toBe(false);
    expect(isUnlockSender('https://workstation/unlock/index.html')).toBe(false);
    expect(isUnlockSender(undefined)).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = resolve('/srv/app/dist/renderer');
  const inRoot = (...parts: string[]) => resolve(root, ...parts);

  it.each([
    ['app://workstation/', inRoot('index.html')],
    ['app://workstation/index.html', inRoot('index.html')],
    ['app://workstation/index.html?lang=de#top', inRoot('index.html')],
    ['app://workstation/assets/index-1a2b.js', inRoot('assets', 'index-1a2b.js')],
    ['app://workstation/assets/', inRoot('assets', 'index.html')],
    ['app://workstation/fonts/Open%20Sans.woff2', inRoot('fonts', 'Open Sans.woff2')],
    ['app://workstation/%C3%BCber.svg', inRoot('über.svg')],
  ])('maps %s into the build folder', (url, file) => {
    expect(resolveAppPath(root, url)).toBe(file);
  });

  it.each([
    'app://workstation/../../etc/passwd',
    'app://workstation/assets/../../../etc/passwd',
    'app://workstation/./index.html',
    'app://workstation/%2e%2e/%2e%2e/etc/passwd',
    'app://workstation/%2E%2E/secret.txt',
    'app://workstation/.%2e/secret.txt',
    'app://workstation/assets/..%2f..%2fsecret.txt',
    'app://workstation/assets/%2f..%2fsecret.txt',
    'app://workstation/..\\..\\secret.txt',
    'app://workstation/assets\\..\\..\\secret.txt',
    'app://workstation/assets%5c..%5c..%5csecret.txt',
    'app://workstation//etc/passwd',
    'app://workstation/%2Fetc/passwd',
    'app://workstation/C:/Windows/win.ini',
    'app://workstation/C%3A%5CWindows%5Cwin.ini',
    'app://workstation/index.html%00.png',
    'app://workstation/.env',
    'app://workstation/%E0%A4%A',
    'app://workstation.evil.com/index.html',
    'app://other/index.html',
    'app://workstation:1/index.html',
    'app://user@workstation/index.html',
    'APP://WORKSTATION/index.html',
    'file:///etc/passwd',
    'http://127.0.0.1/index.html',
    'javascript:alert(1)',
    `app://workstation/${'a'.repeat(3000)}.js`,
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never leaves the build folder, whatever follows the origin', () => {
    const piece = fc.constantFrom('..', '.', '%2e%2e', '%2E.', '.%2e', '%2f', '%5c', '\\', '%00', 'a', 'b.js', '', '%', 'C:', '~');
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom('/', '\\', '%2f'), (pieces, separator) => {
      const file = resolveAppPath(root, `app://workstation/${pieces.join(separator)}`);
      return file === null || file.startsWith(root + sep);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (rest) => {
      const file = resolveAppPath(root, `app://workstation/${rest}`);
      return file === null || file.startsWith(root + sep);
    }), { numRuns: 2000 });
  });
});

describe('resolveAppRequest', () => {
  const roots = { renderer: resolve('/srv/app/dist/renderer'), unlock: resolve('/srv/app/dist/electron/unlock') };

  it('serves the unlock page from its own folder and the rest from the renderer', () => {
    expect(resolveAppRequest(roots, 'app://workstation/unlock/index.html?setup=1')).toBe(resolve(roots.unlock, 'index.html'));
    expect(resolveAppRequest(roots, 'app://workstation/unlock/unlock.js')).toBe(resolve(roots.unlock, 'unlock.js'));
    expect(resolveAppRequest(roots, 'app://workstation/index.html')).toBe(resolve(roots.renderer, 'index.html'));
  });

  it('does not climb out of the unlock folder either', () => {
    expect(resolveAppRequest(roots, 'app://workstation/unlock/../index.html')).toBeNull();
    expect(resolveAppRequest(roots, 'app://workstation/unlock/%2e%2e/%2e%2e/main.mjs')).toBeNull();
    expect(resolveAppRequest(roots, 'app://workstation/unlock%2f..%2fpreload.cjs')).toBeNull();
  });
});

describe('content security policy', () => {
  const directives = (policy: string) => new Map(policy.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')] as const;
  }));

  it('is the strict policy: own files only, nothing inline, no forms, no framing', () => {
    expect(Object.fromEntries(directives(contentSecurityPolicy))).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|https?:|wasm-eval/);
  });

  it('comes with every served file, beside the right content type', () => {
    const headers = appFileHeaders('/x/assets/index.js');
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('is repeated in the unlock page, which has no inline script, style or handler', () => {
    const html = readFileSync(new URL('../../../electron/unlock/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    const expected = directives(contentSecurityPolicy);
    expected.delete('frame-ancestors'); // not allowed in a meta element; the header sets it
    expect(meta && directives(meta[1]!)).toEqual(expected);
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(script).toMatch(/^<script src="[^"]+"[^>]*><\/script>$/);
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });
});

describe('content types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['app.JS', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['unknown.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
