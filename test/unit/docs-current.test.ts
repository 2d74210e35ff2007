// The READMEs are where a newcomer learns why a package is here and which
// backend module does what; a new one that is not named there is found here,
// not by the next reader.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The text of a README's section, from its heading to the next heading of that level. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `${heading} is missing`).toBeGreaterThan(-1);
  const level = heading.split(' ')[0]!;
  const end = text.indexOf(`\n${level} `, start + heading.length + 2);
  return text.slice(start, end === -1 ? undefined : end);
}

function backendModules(dir = join(root, 'backend')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'migrations' ? [] : backendModules(join(dir, e.name));
    return e.name.endsWith('.ts') ? [relative(join(root, 'backend'), join(dir, e.name))] : [];
  });
}

it('names every dependency in the README with why it is there', () => {
  const pkg = JSON.parse(read('package.json')) as Record<'dependencies' | 'devDependencies', Record<string, string>>;
  const table = section(read('README.md'), '## Dependencies and why');
  const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]
    .filter((name) => !name.startsWith('@types/') || !table.includes('`@types/*`'));
  expect(names.length).toBeGreaterThan(20);
  expect(names.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
});

it('lists every backend module in the backend README\'s file table', () => {
  const table = section(read('backend/README.md'), '## Files');
  const modules = backendModules();
  expect(modules).toContain('push.ts');
  // A row names a module by its path below backend/, or by its name beside its folder's other files.
  const named = (m: string) => table.includes(`\`${m}\``) || table.includes(`\`${m.split('/').pop()}\``);
  expect(modules.filter((m) => !named(m))).toEqual([]);
});
