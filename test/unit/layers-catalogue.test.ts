// services/ may read the shipped demo catalogue (data, the fallback before
// the first sync), but still no code of the manufacturer's backend.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function refused(code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath: 'services/x.ts' });
  return result!.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('services/ and the shipped catalogue', () => {
  it.each([
    [`import seed from '../backend/seed/catalog.json' with { type: 'json' };`, false],
    [`import { SEED_CATALOGUE } from '#backend/manufacturer.ts';`, true],
    [`import { publishCatalogue } from '../backend/manufacturer.ts';`, true],
    [`import { x } from '../backend/seed/x.ts';`, true],
  ])('%s -> refused=%s', async (code, expected) => {
    expect(await refused(code)).toBe(expected);
  });
});
