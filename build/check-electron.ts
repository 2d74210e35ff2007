// Runs Electronegativity (Doyensec's Electron security checks) over the shell's
// sources and the renderer's HTML, and fails on any finding. Electronegativity
// itself always exits 0, so this script reads its report.
//
// The scan works offline: Electronegativity would fetch updated translations
// and the list of Electron releases from the internet on every run. The
// translations it ships are enough, and whether the installed Electron is the
// newest patch release is a matter of dependency updates, not of our sources,
// so that one check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is left out.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The folders scanned, and which files in them. */
const SOURCES: Array<{ dir: string; files: RegExp }> = [
  { dir: 'electron', files: /\.(ts|js|html)$/ },
  { dir: 'renderer', files: /\.html$/ },
];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface Issue {
  file: string;
  id: string;
  description: string;
  sample?: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
}

interface Report {
  issues: Issue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

type Run = (options: Record<string, unknown>) => Promise<Report>;

function listFiles(dir: string, pattern: RegExp): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Electronegativity's network client, replaced before the tool loads it. */
function keepOffline(): void {
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = toolRequire.resolve('got');
  const offline = Object.assign(async () => ({ statusCode: 404, body: '', headers: {} }), {
    head: async () => ({ statusCode: 404, body: '', headers: {} }),
  });
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(): Promise<number> {
  // The sources are copied to one folder so that one run sees them all: the
  // global checks (navigation limits, permission handler, CSP) look across files.
  const staging = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    let count = 0;
    for (const { dir, files } of SOURCES) {
      for (const file of listFiles(join(root, dir), files)) {
        const target = join(staging, relative(root, file));
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(file, target);
        count += 1;
      }
    }

    keepOffline();
    const run = require('@doyensec/electronegativity') as Run;
    const report = await run({
      input: staging,
      isRelative: true,
      electronVersionOverride: electronVersion(),
      excludeFromScan: EXCLUDED_CHECKS,
    });

    const unparsed = report.errors.filter((error) => !error.tolerable);
    for (const error of unparsed) console.error(`electronegativity: could not parse ${error.file}: ${error.message}`);
    for (const issue of report.issues) {
      const where = issue.file === 'N/A' ? '(whole app)' : `${issue.file}:${issue.location.line}:${issue.location.column}`;
      const review = issue.manualReview ? ', review' : '';
      console.error(`${issue.id} [${issue.severity.name}/${issue.confidence.name}${review}] ${where}\n  ${issue.description}`
        + (issue.sample ? `\n  > ${issue.sample.trim()}` : ''));
    }
    if (report.issues.length > 0 || unparsed.length > 0) {
      console.error(`electronegativity: ${report.issues.length} findings, ${unparsed.length} unparsed files in ${count} files`);
      return 1;
    }
    console.log(`electronegativity: 0 findings in ${count} files`);
    return 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

process.exitCode = await main();
