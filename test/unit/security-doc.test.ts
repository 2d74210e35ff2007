// docs/security.md names, for every boundary, the code that guards it and the
// test that proves it. A renamed or deleted test must not leave the document
// pointing at nothing.
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
const root = new URL('../../', import.meta.url);

it('every file docs/security.md names exists, and every boundary has a proving test', () => {
  const paths = [...doc.matchAll(/`((?:test|core|backend|db|host|electron|services|renderer|contract|build)\/[^`\s]+\.[a-z]+)`/g)].map((m) => m[1]!);
  expect(paths.length).toBeGreaterThan(30);
  const missing = paths.filter((p) => !existsSync(new URL(p, root)));
  expect(missing).toEqual([]);
  const boundaries = doc.split(/^## \d\. /m).slice(1);
  expect(boundaries).toHaveLength(5);
  for (const section of boundaries) {
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Guard') && !l.startsWith('|---'));
    expect(rows.length, section.split('\n')[0]).toBeGreaterThan(0);
    for (const row of rows) expect(row, row).toMatch(/`test\/[^`]+\.(test|spec)\.ts`/);
  }
});
