// The import rules of docs/architecture.md are allow-lists in eslint.config.js:
// each folder names what it may import, everything else is refused. This
// proves the rule bites (a typo in the table cannot switch it off), that the
// real code's imports stay allowed, and that the document says what the table says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layerRefusals, layerTable } from '../support/lint.ts';

const refused = async (file: string, code: string) => (await layerRefusals(file, code)).length > 0;

// The 13 forbidden imports that passed the old deny-list lint (issue 10:
// "core/ importing pg, hono, pdfkit, node:fs dynamically; renderer/ importing
// pdfkit; services/ importing bench/"), measured against the previous config.
const passedBefore: [string, string][] = [
  ['core/x.ts', `import pg from 'pg';`],
  ['core/x.ts', `import { Hono } from 'hono';`],
  ['core/x.ts', `import PDFDocument from 'pdfkit';`],
  ['core/x.ts', `const fs = await import('node:fs');`],
  ['core/x.ts', `const pg = await import('pg');`],
  ['core/x.ts', `const { Store } = await import('../db/store.ts');`],
  ['core/x.ts', `import pino from 'pino';`],
  ['renderer/src/x.ts', `import PDFDocument from 'pdfkit';`],
  ['renderer/src/x.ts', `import pg from 'pg';`],
  ['renderer/src/x.ts', `import { Hono } from 'hono';`],
  ['services/x.ts', `import { main } from '../bench/run.ts';`],
  ['newdir/x.ts', `import { Store } from '#db/store.ts';`],
  ['bench/x.ts', `import { App } from '#renderer/App.tsx';`],
];

const alsoRefused: [string, string][] = [
  // The demo generator has a room of its own: it may use the services' rules, never the contract, a shell, the UI or the backend,
  // and the services may not reach back for it (the shells hand it in).
  ['demo/x.ts', `import { contract } from '#contract/index.ts';`],
  ['demo/x.ts', `import { startHost } from '#host/server.ts';`],
  ['demo/x.ts', `import { App } from '../renderer/src/App.tsx';`],
  ['demo/x.ts', `import { publishCatalogue } from '#backend/manufacturer.ts';`],
  ['demo/x.ts', `import { readFileSync } from 'node:fs';`],
  ['services/x.ts', `import { loadDemoBook } from '#demo/index.ts';`],
  ['db/x.ts', `import { generateDemoBook } from '../demo/generate.ts';`],
  ['core/x.ts', `import { Store } from '#db/store.ts';`],
  ['core/x.ts', `import { App } from '../renderer/src/App.tsx';`],
  ['core/x.ts', `import { readFileSync } from 'node:fs';`],
  ['core/x.ts', `const m = await import('./segments/index.ts');`],
  ['core/x.ts', `const fs = require('node:fs');`],
  ['core/x.ts', `export { Store } from '#db/store.ts';`],
  ['core/x.ts', `export * from '../services/router.ts';`],
  ['core/x.ts', `type Pool = typeof import('pg');`],
  ['core/x.ts', `import type { Store } from '#db/store.ts';`],
  ['core/x.ts', `import { parse } from 'csv-parse';`],
  ['renderer/src/x.ts', `import Database from 'better-sqlite3';`],
  ['renderer/src/x.ts', `import { Store } from '#db/store.ts';`],
  ['renderer/src/x.ts', `import { Store } from '../../db/store.ts';`],
  ['renderer/src/x.ts', `import { readFileSync } from 'node:fs';`],
  ['renderer/src/x.ts', `import { ipcRenderer } from 'electron';`],
  ['renderer/src/x.ts', `import { createRouter } from '#services/router.ts';`],
  ['services/x.ts', `import { x } from '#backend/manufacturer.ts';`],
  ['services/x.ts', `import { app } from 'electron';`],
  ['services/x.ts', `import { startHost } from '#host/server.ts';`],
  ['services/x.ts', `import pg from 'pg';`],
  ['db/x.ts', `import { createRouter } from '#services/router.ts';`],
  ['db/x.ts', `import { contract } from '#contract/index.ts';`],
  ['contract/x.ts', `import { Store } from '#db/store.ts';`],
  ['contract/x.ts', `import pg from 'pg';`],
  ['backend/x.ts', `import { App } from '#renderer/App.tsx';`],
  ['backend/x.ts', `import { Store } from '../db/store.ts';`],
  ['backend/x.ts', `import { drizzle } from 'drizzle-orm/better-sqlite3';`],
  ['host/x.ts', `import { useState } from 'react';`],
  ['host/x.ts', `import { Store } from '#db/store.ts';`],
  ['electron/x.ts', `import { Store } from '#db/store.ts';`],
  ['bench/x.ts', `import { App } from '../renderer/src/App.tsx';`],
  ['bench/x.ts', `import { app } from 'electron';`],
  ['build/x.ts', `import { App } from '../renderer/src/App.tsx';`],
  ['cli/x.ts', `import pg from 'pg';`],
  ['test/x.ts', `import leftpad from 'left-pad';`],
  ['test/x.ts', `import { readFileSync } from '../../outside.ts';`],
  ['x.config.ts', `import { Store } from './db/store.ts';`],
  // The console reaches the backend only through its contract, and of the renderer only what is named.
  ['console/src/x.ts', `import { contract } from '#contract/index.ts';`],
  ['console/src/x.ts', `import { App } from '../../renderer/src/App.tsx';`],
  ['console/src/x.ts', `import { Hono } from 'hono';`],
  ['console/src/x.ts', `import { startBackend } from '#backend/server.ts';`],
  ['console/src/x.ts', `import { useQuery } from '@tanstack/react-query';`],
];

const allowed: [string, string][] = [
  ['core/x.ts', `import { z } from 'zod';`],
  ['core/x.ts', `import { sha256 } from '@noble/hashes/sha2.js';`],
  ['core/segments/x.ts', `import { PROFILE_ATTRIBUTES } from '../profile.ts';`],
  ['contract/x.ts', `import { oc } from '@orpc/contract';`],
  ['db/x.ts', `import { drizzle } from 'drizzle-orm/better-sqlite3';`],
  ['services/x.ts', `import { Store } from '#db/store.ts';`],
  ['services/x.ts', `import type { Contract } from '#contract/index.ts';`],
  ['host/x.ts', `import { openWorkstation } from '#services/workstation.ts';`],
  ['electron/x.ts', `import { app } from 'electron';`],
  ['renderer/src/x.ts', `import { PROFILE_ATTRIBUTES } from '#core/profile.ts';`],
  ['renderer/src/x.ts', `import { contract } from '#contract/index.ts';`],
  ['renderer/src/x.ts', `import { useState } from 'react';`],
  ['backend/x.ts', `import { PROFILE_ATTRIBUTES } from '#core/profile.ts';`],
  ['backend/x.ts', `import { connect } from '#backend/db/connect.ts';`],
  ['backend/sync/x.ts', `import { connect } from '../db/connect.ts';`],
  ['backend/x.ts', `import { Hono } from 'hono';`],
  ['bench/x.ts', `import { Store } from '#db/store.ts';`],
  ['build/x.ts', `const { startHost } = await import('../host/start.ts');`],
  ['test/x.ts', `import { Store } from '#db/store.ts';`],
  ['test/x.ts', `import { App } from '../renderer/src/App.tsx';`],
  ['test/x.ts', `import { wire } from '../electron/wiring.ts';`],
  ['test/x.ts', `import fc from 'fast-check';`],
  ['test/x.ts', `import { readFileSync } from 'node:fs';`],
  ['vite.config.ts', `import { defineConfig } from 'vite';`],
  ['console/src/x.ts', `import type { ConsoleContract } from '#contract/console.ts';`],
  ['console/src/x.ts', `import { formatCents } from '../../renderer/src/format.ts';`],
  ['console/src/x.ts', `import { RPCLink } from '@orpc/client/fetch';`],
];

describe('layer import rules (allow-lists)', () => {
  it.each(passedBefore)('refuses what the old deny-list let through: %s: %s', async (file, code) => {
    expect(await refused(file, code)).toBe(true);
  });

  it.each(alsoRefused)('refuses %s: %s', async (file, code) => {
    expect(await refused(file, code)).toBe(true);
  });

  it.each(allowed)('allows %s: %s', async (file, code) => {
    expect(await layerRefusals(file, code)).toEqual([]);
  });

  it('says which folder may not import what, and where the list is', async () => {
    const [message] = await layerRefusals('core/x.ts', `import pg from 'pg';`);
    expect(message).toContain(`core/ may not import the package 'pg'`);
    expect(message).toContain('eslint.config.js');
  });

  it('refuses a folder the table does not know, even a file importing nothing', async () => {
    const messages = await layerRefusals('newdir/x.ts', `export const x = 1;`);
    expect(messages).toEqual([expect.stringContaining('newdir/ has no entry in the layer table')]);
  });

  it('refuses a module name computed at run time where the table does not allow it', async () => {
    expect(await refused('services/x.ts', 'const name = "x"; await import(`./${name}.ts`);')).toBe(true);
    expect(await refused('bench/x.ts', 'const name = "x"; await import(`./${name}.bench.ts`);')).toBe(false);
  });
});

describe('docs/architecture.md', () => {
  // A row: | `core/` | `core/`, `contract/` | packages | why |
  const rows = new Map(
    readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, folder, projects]) => [folder!.replaceAll('`', ''), [...projects!.matchAll(/`([^`]+)`/g)].map((m) => m[1])]),
  );

  it('names the same project folders per layer as the lint table', async () => {
    const table = await layerTable();
    const documented = Object.fromEntries(Object.keys(table).map((folder) => [folder, rows.get(`${folder}/`)]));
    const configured = Object.fromEntries(
      Object.entries(table).map(([folder, { projects }]) => [folder, projects.map((p) => (p.includes('.') ? p : `${p}/`))]),
    );
    expect(documented).toEqual(configured);
  });
});
