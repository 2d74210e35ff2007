// `npm test`: every check in one run — layer rules and lint, types, unit and
// integration tests under Node, the Electron security audit, and the
// end-to-end tests in Chromium against browser mode. Ends with one line
// "N passed, N failed, N skipped" over all test cases.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Not test-results/: Playwright empties that folder when it starts.
const results = join(root, '.test-report');
mkdirSync(results, { recursive: true });

interface Stage { name: string; command: string[]; env?: Record<string, string> }
const only = process.argv.slice(2);
const stages: Stage[] = [
  { name: 'lint', command: ['npx', 'eslint', '.'] },
  { name: 'types', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'unit', command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${join(results, 'vitest.json')}`] },
  { name: 'electron', command: ['npm', 'run', '--silent', 'check:electron'] },
  { name: 'renderer', command: ['npm', 'run', '--silent', 'build:renderer'] },
  { name: 'e2e', command: ['npx', 'playwright', 'test'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'playwright.json') } },
].filter((s) => only.length === 0 || only.includes(s.name));

const failed: string[] = [];
for (const stage of stages) {
  console.log(`\n=== ${stage.name}: ${stage.command.join(' ')}`);
  const run = spawnSync(stage.command[0]!, stage.command.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...stage.env } });
  if (run.status !== 0) failed.push(stage.name);
}

let passed = 0, failedCases = 0, skipped = 0;
const vitest = join(results, 'vitest.json');
if (existsSync(vitest) && stages.some((s) => s.name === 'unit')) {
  const v = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += v.numPassedTests; failedCases += v.numFailedTests; skipped += v.numPendingTests + v.numTodoTests;
}
const pw = join(results, 'playwright.json');
if (existsSync(pw) && stages.some((s) => s.name === 'e2e')) {
  const p = JSON.parse(readFileSync(pw, 'utf8'));
  passed += p.stats.expected + p.stats.flaky; failedCases += p.stats.unexpected; skipped += p.stats.skipped;
}
if (failed.length) console.log(`\nFailed stages: ${failed.join(', ')}`);
// A failed stage without failed cases (lint, types, audit) still fails the run.
console.log(`\n${passed} passed, ${failedCases + (failedCases === 0 ? failed.length : 0)} failed, ${skipped} skipped`);
process.exit(failed.length ? 1 : 0);
