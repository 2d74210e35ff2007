// The segment command lives in cli/, which may use core/ and Node only
// (eslint.config.js, docs/architecture.md); this proves that rule bites.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function refused(code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: 'cli/x.ts' });
  return result!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('cli/ import rule', () => {
  const cases: [string, boolean][] = [
    [`import { rankSegments } from '#core/segments/index.ts';`, false],
    [`import { readFile } from 'node:fs/promises';`, false],
    [`import { parse } from 'csv-parse';`, false],
    [`import { openDatabase } from '#db/open.ts';`, true],
    [`import { Store } from '../db/store.ts';`, true],
    [`import { createRouter } from '#services/router.ts';`, true],
    [`import { contract } from '#contract/index.ts';`, true],
    [`import { app } from 'electron';`, true],
    [`import { connect } from '#backend/db/connect.ts';`, true],
  ];
  it.each(cases)('%s -> refused=%s', async (code, expected) => {
    expect(await refused(code)).toBe(expected);
  });
});
