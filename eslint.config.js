// Lint, and above all the import rules between layers (docs/architecture.md).
// The table below is the written rule: each top-level folder names the project
// folders and the packages it may import; everything else is refused, and so
// is every import from a folder the table does not name. A folder may always
// import its own files.
import tseslint from 'typescript-eslint';
import layers from './build/eslint-layers.js';
import pkg from './package.json' with { type: 'json' };

// Node's built-ins, always with the "node:" prefix.
const NODE = ['node:**'];
/** A package and its subpaths ("hono", "hono/body-limit"). */
const all = (name) => [name, `${name}/**`];
/** Every package the project declares: tests may use any of them. */
const DECLARED = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).flatMap(all);

/**
 * folder -> { projects, packages, why }. projects: folders ("core" means core/
 * and below) or globs ("backend/seed/*.json"); packages: exact specifiers or
 * globs. dynamicImports: false refuses every import(); computedImports: true
 * lets import() take a name built at run time. "." is the project root's files.
 */
const LAYERS = {
  core: {
    why: 'core/ is pure domain code: no I/O, no database, no transport, no UI, and nothing loaded at run time (docs/architecture.md).',
    projects: [],
    packages: ['zod', '@noble/hashes/sha2.js', '@noble/hashes/hmac.js', '@noble/hashes/utils.js'],
    dynamicImports: false,
  },
  contract: {
    why: 'contract/ describes what the renderer and the core say to each other: core/ and schemas only.',
    projects: ['core'],
    packages: ['zod', '@orpc/contract'],
  },
  db: {
    why: 'db/ stores the book: core/, drizzle and SQLite; it knows nothing of the contract, services or shells.',
    projects: ['core'],
    packages: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/sqlite-core', ...all('drizzle-orm/better-sqlite3'), 'uuid', ...NODE],
  },
  services: {
    why: "services/ implements the contract over db/ and core/; it knows no shell (Electron, browser host, UI) and no backend code; of the renderer only the UI's texts and how it names a rule set's edition (pure), so the client's export PDF says what the screen says.",
    // The demo catalogue is data, not backend code: it is the fallback before the first sync brings one (services/catalogue.ts).
    projects: ['core', 'contract', 'db', 'backend/seed/*.json', 'renderer/src/i18n/de.ts', 'renderer/src/i18n/en.ts', 'renderer/src/rules-edition.ts'],
    // File formats: client lists (services/client-list-files.ts) as CSV and Excel; planned meetings as iCalendar (services/day.ts).
    packages: ['@orpc/server', 'drizzle-orm', 'pdfkit', '@cantoo/pdf-lib', 'uuid', 'zod', 'csv-parse/sync', 'csv-stringify/sync', 'exceljs', 'ics', ...NODE],
  },
  demo: {
    why: "demo/ generates the demo book a newcomer starts with: core/, the book's bulk loader in db/ and the services whose rules the demo's conclusions follow; no contract, shells, UI or backend.",
    projects: ['core', 'db', 'services'],
    packages: [],
  },
  host: {
    why: 'host/ (browser mode) serves services/ and hands it the demo book; it never touches the database directly.',
    projects: ['core', 'contract', 'services', 'demo'],
    packages: [...all('@orpc/server'), ...NODE],
  },
  electron: {
    why: 'electron/ is a thin shell over services/ (and hands it the demo book); it never touches the database directly.',
    projects: ['core', 'contract', 'services', 'demo'],
    // semver, yaml and zod read and judge the manufacturer's update feed (electron/update/); electron-updater fetches,
    // verifies and installs (only main.ts imports it: the rest gets it injected).
    packages: ['electron', 'electron-updater', ...all('@orpc/server'), ...all('@orpc/client'), 'semver', 'yaml', 'zod', ...NODE],
  },
  renderer: {
    why: 'renderer/ is the UI: it talks to the core only through the contract; no database, Node or Electron code.',
    projects: ['core', 'contract'],
    packages: [...all('react'), ...all('react-dom'), '@tanstack/react-query', ...all('@orpc/client'), '@orpc/contract',
      '@orpc/tanstack-query', 'i18next', 'react-i18next', 'recharts', 'uuid'],
  },
  console: {
    why: "console/ is the manufacturer's web page: it talks to the backend only through contract/console.ts, and shares the app's look, formats, words for price reasons and key rule (the renderer files named here), nothing else of the renderer.",
    projects: ['core', 'contract/console.ts', 'renderer/src/styles.css', 'renderer/src/format.ts', 'renderer/src/dates.ts',
      'renderer/src/i18n/language.ts', 'renderer/src/i18n/price-reasons.ts', 'renderer/src/shortcuts.ts', 'renderer/src/shortcut-dialog.ts'],
    packages: ['react', 'react/jsx-runtime', 'react-dom/client', ...all('@orpc/client'), '@orpc/contract', 'i18next', 'react-i18next'],
  },
  backend: {
    why: "backend/ is the manufacturer's server: core/, the console's contract, its own files, Node, hono, oRPC, pg, PGlite and drizzle; never the workstation's db/, services/, shells or UI.",
    // Its own database is backend/db/ (#backend/db/…), never the workstation's db/ nor drizzle's SQLite driver.
    // contract/console.ts is what the manufacturer's console page asks the backend (backend/console/).
    projects: ['core', 'contract/console.ts'],
    packages: [...all('hono'), '@hono/node-server', ...all('@orpc/server'), 'pg', '@electric-sql/pglite', 'drizzle-orm', 'drizzle-orm/pg-core',
      ...all('drizzle-orm/node-postgres'), ...all('drizzle-orm/pglite'), 'pino', 'zod', ...NODE],
  },
  cli: {
    why: "cli/ holds commands for the manufacturer: core/ and Node only; never the workstation's database, services, shells or UI.",
    projects: ['core'],
    packages: [...all('csv-parse'), ...NODE],
  },
  bench: {
    why: 'bench/ measures the workstation and the backend from outside: their code and the test support, never the UI.',
    projects: ['core', 'db', 'services', 'demo', 'host', 'backend', 'test'],
    packages: ['better-sqlite3', ...all('drizzle-orm'), 'uuid', ...NODE],
    // bench/run.ts loads the benchmark named on the command line.
    computedImports: true,
  },
  build: {
    why: 'build/ starts, bundles and checks the app: the host, the demo backend and their data; never the UI code. The screenshot tour fills in a form as the tests do (test/support/fill-form.ts); packaging checks the update address as the app does (electron/update/feed.ts).',
    projects: ['core', 'db', 'host', 'backend', 'test/support/fill-form.ts', 'electron/update/feed.ts'],
    // app-builder-lib and builder-util come with electron-builder: its own loader and schema check of the packaging configuration.
    packages: ['esbuild', 'playwright-core', '@doyensec/electronegativity', 'app-builder-lib/out/util/config/config', 'builder-util', 'electron/package.json', ...all('drizzle-orm'), ...NODE],
    // build/start.ts loads the bundled host from dist/, which only exists once built.
    computedImports: true,
  },
  test: {
    why: 'test/ may reach every layer, and any package the project declares.',
    projects: ['core', 'contract', 'db', 'services', 'demo', 'host', 'electron', 'renderer', 'console', 'backend', 'cli', 'bench', 'build'],
    // electron-builder's own config loader, schema check and HTTP client, which come with electron-builder (test/support/builder-config.ts),
    // and electron-updater's generic feed reader (test/integration/update-feed.test.ts).
    packages: [...DECLARED, ...NODE, 'app-builder-lib/out/util/config/config', 'builder-util', 'electron-updater/out/providers/GenericProvider'],
    // The preload tests load electron/ files by a computed path, past the type check (test/unit/electron/preload.test.ts).
    computedImports: true,
  },
  '.': {
    why: 'The configuration files in the project root load their tools and the lint rule.',
    projects: ['build/eslint-layers.js'],
    packages: ['vite', '@vitejs/plugin-react', ...all('vitest'), '@playwright/test', 'drizzle-kit', 'typescript-eslint', ...NODE],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { layers: { rules: { imports: layers } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'layers/imports': ['error', { root: import.meta.dirname, imports: pkg.imports, layers: LAYERS }],
    },
  },
);
