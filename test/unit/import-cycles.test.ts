// No two modules of the product import each other, directly or around a
// circle (type-only imports count too: a circle of types still means two rooms
// that cannot be changed apart). Imports are read with TypeScript's own
// pre-processor, so dynamic imports and re-exports are seen as well.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['core', 'contract', 'db', 'services', 'demo', 'host', 'electron', 'renderer', 'console', 'backend', 'cli', 'bench', 'build'];
const ALIASES: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).imports;

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function target(from: string, spec: string): string | null {
  let path: string | null = null;
  if (spec.startsWith('.')) path = resolve(dirname(from), spec);
  for (const [alias, to] of Object.entries(ALIASES)) {
    if (alias.endsWith('/*') && spec.startsWith(alias.slice(0, -1))) path = resolve(ROOT, to.slice(0, -1) + spec.slice(alias.length - 1));
  }
  return path && existsSync(path) && statSync(path).isFile() ? path : null;
}

/** Each module's imports of other modules of the product. */
export function importGraph(files: string[], read: (file: string) => string): Map<string, string[]> {
  return new Map(files.map((file) => [file, ts.preProcessFile(read(file), true, true).importedFiles
    .map((i) => target(file, i.fileName)).filter((t): t is string => t !== null)]));
}

/** The circles in a graph: its strongly connected components with more than one module (Tarjan). */
export function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>(); const low = new Map<string, number>();
  const stack: string[] = []; const onStack = new Set<string>(); const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next); low.set(v, next); next++; stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import circles', () => {
  it('finds a circle of two modules and one of three, and none in a chain', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    expect(circles(g({ a: ['b'], b: ['a'], c: ['a'] }))).toEqual([['a', 'b']]);
    expect(circles(g({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual([['a', 'b', 'c']]);
    expect(circles(g({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
  });

  it('reads type-only imports, re-exports, aliases and dynamic imports as edges', () => {
    const a = join(ROOT, 'backend/pull.ts');
    const code = `import type { X } from './snapshot.ts';\nexport { Y } from '#core/hlc.ts';\nconst m = await import('./cursor.ts');`;
    const edges = importGraph([a], () => code).get(a)!.map((p) => relative(ROOT, p));
    expect(edges).toEqual(['backend/snapshot.ts', 'core/hlc.ts', 'backend/cursor.ts']);
  });

  it('the product has no import circle', () => {
    const files = FOLDERS.flatMap((f) => sources(join(ROOT, f)));
    expect(files.length).toBeGreaterThan(300);
    const found = circles(importGraph(files, (f) => readFileSync(f, 'utf8'))).map((c) => c.map((p) => relative(ROOT, p)));
    expect(found).toEqual([]);
  });
});
