// services/ may read the shipped demo catalogue (data, the fallback before
// the first sync), but still no code of the manufacturer's backend.
import { describe, expect, it } from 'vitest';
import { layerRefusals } from '../support/lint.ts';

describe('services/ and the shipped catalogue', () => {
  it.each([
    [`import seed from '../backend/seed/catalog.json' with { type: 'json' };`, false],
    [`import { SEED_CATALOGUE } from '#backend/manufacturer.ts';`, true],
    [`import { publishCatalogue } from '../backend/manufacturer.ts';`, true],
    [`import { x } from '../backend/seed/x.ts';`, true],
  ])('%s -> refused=%s', async (code, expected) => {
    expect((await layerRefusals('services/x.ts', code)).length > 0).toBe(expected);
  });
});
