// Lint, and above all the import rules between layers (docs/architecture.md).
// A rule here is the written rule: if a layer may not import something, this
// file says so and CI fails when it happens.
import tseslint from 'typescript-eslint';

const NODE = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'worker_threads'];
// A leading "#" would be a comment in these gitignore-style patterns, hence the escape.
const layer = (name) => [`\\#${name}/*`, `**/${name}/*`, `**/${name}/**`];

/** Imports a folder may not use, with the reason shown in the lint message. */
const forbidden = {
  core: {
    message: 'core/ is pure domain code: no I/O, no database, no transport, no UI (docs/architecture.md).',
    patterns: [...NODE, 'electron', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '@orpc/*',
      ...layer('contract'), ...layer('db'), ...layer('services'), ...layer('host'), ...layer('renderer'), ...layer('backend')],
  },
  contract: {
    message: 'contract/ describes what renderer and core say to each other; it may use core/ and schemas only.',
    patterns: [...NODE, 'electron', 'react', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '@orpc/server', '@orpc/server/*',
      ...layer('db'), ...layer('services'), ...layer('host'), ...layer('renderer'), ...layer('backend')],
  },
  db: {
    message: 'db/ stores the book; it may use core/ but knows nothing of the contract, services or shells.',
    patterns: ['electron', 'react', '@orpc/*', ...layer('contract'), ...layer('services'), ...layer('host'), ...layer('renderer'), ...layer('backend')],
  },
  services: {
    message: 'services/ implements the contract over db/ and core/; it knows no shell (Electron, browser host, UI).',
    // The demo catalogue is data, not backend code: it is the fallback before the first sync brings one (services/catalogue.ts).
    patterns: ['electron', 'react', 'react-dom', ...layer('host'), ...layer('renderer'), ...layer('backend'), '!**/backend/seed', '!**/backend/seed/*.json'],
  },
  host: {
    message: 'host/ (browser mode) serves services/; it never touches the database directly.',
    patterns: ['electron', 'react', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', ...layer('db'), ...layer('renderer'), ...layer('backend')],
  },
  electron: {
    message: 'electron/ is a thin shell over services/; it never touches the database directly.',
    patterns: ['react', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', ...layer('db'), ...layer('renderer'), ...layer('host'), ...layer('backend')],
  },
  renderer: {
    message: 'renderer/ is the UI: it talks to the core only through the contract; no database, Node or Electron code.',
    patterns: [...NODE, 'electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '@orpc/server', '@orpc/server/*', 'uuid/dist/*',
      ...layer('db'), ...layer('services'), ...layer('host'), ...layer('electron'), ...layer('backend')],
  },
  cli: {
    message: 'cli/ holds commands for the manufacturer: core/ and Node only; never the workstation\'s database, services, shells or UI.',
    patterns: ['electron', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '@orpc/*',
      ...layer('contract'), ...layer('db'), ...layer('services'), ...layer('host'), ...layer('electron'), ...layer('renderer'), ...layer('backend')],
  },
  backend: {
    message: "backend/ is the manufacturer's server: core/, its own files (#backend/*), Node, hono, pg, PGlite and drizzle; never the workstation's db/, services/, shells or UI.",
    // Its own database is backend/db/: imported as #backend/db/… (or ./db/… from backend/), never the workstation's db/.
    patterns: ['electron', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm/better-sqlite3', 'drizzle-orm/better-sqlite3/*',
      ...layer('db'), ...layer('services'), ...layer('host'), ...layer('electron'), ...layer('renderer'), '!\\#backend/**', '!./db/*'],
  },
};

const restrict = (folder, extra = []) => ({
  files: [`${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: [...forbidden[folder].patterns, ...extra], message: forbidden[folder].message }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nothing outside electron/ may import Electron.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/ may import Electron.' }] }],
    },
  },
  restrict('core'),
  restrict('contract'),
  restrict('db'),
  restrict('services'),
  restrict('host'),
  restrict('renderer'),
  restrict('backend'),
  restrict('cli'),
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden.electron.patterns, message: forbidden.electron.message }] }],
    },
  },
);
