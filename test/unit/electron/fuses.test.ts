// The Electron fuses the installers are built with: flipped in the binary by
// electron-builder, so a packaged app cannot be turned into a plain Node
// runtime, have code injected through NODE_OPTIONS or --inspect, or run
// app code from outside its checked app.asar.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builderConfig } from '../../support/builder-config.ts';

const CONFIG = new URL('../../../build/electron-builder.yml', import.meta.url);

/** The `electronFuses:` block of the YAML file: its flat `name: true|false` lines, anything else refused. */
function fusesOf(yaml: string): Record<string, boolean> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  if (start < 0) throw new Error('build/electron-builder.yml has no top-level electronFuses');
  if (lines.findIndex((l, i) => i > start && /^electronFuses:/.test(l)) >= 0) throw new Error('electronFuses is set twice');
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const match = /^ {2}(\w+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!match) throw new Error(`cannot read the fuse line "${line}"`);
    fuses[match[1]!] = match[2] === 'true';
  }
  return fuses;
}

describe('Electron fuses in the packaging configuration', () => {
  const fuses = fusesOf(readFileSync(CONFIG, 'utf8'));

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('%s is %s', (fuse, value) => {
    expect(fuses[fuse]).toBe(value);
  });

  it('electron-builder reads the same fuses from the file and accepts the whole configuration', async () => {
    expect((await builderConfig()).electronFuses).toEqual(fuses);
  });

  it('the app is packed into an asar archive, which those fuses rely on', () => {
    expect(readFileSync(CONFIG, 'utf8')).not.toMatch(/^asar:\s*false/m);
  });
});
