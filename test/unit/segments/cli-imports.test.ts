// The segment command lives in cli/, which may use core/ and Node only
// (eslint.config.js, docs/architecture.md); this proves that rule bites.
import { describe, expect, it } from 'vitest';
import { layerRefusals } from '../../support/lint.ts';

const refused = async (code: string): Promise<boolean> => (await layerRefusals('cli/x.ts', code)).length > 0;

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
