// The import rules of docs/architecture.md are enforced by eslint.config.js;
// this proves the rules bite, so a typo in the config cannot switch them off.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer import rules', () => {
  const cases: [string, string, boolean][] = [
    ['renderer/src/x.ts', `import { openDatabase } from '#db/open.ts';`, true],
    ['renderer/src/x.ts', `import { Store } from '../../db/store.ts';`, true],
    ['renderer/src/x.ts', `import { readFileSync } from 'node:fs';`, true],
    ['renderer/src/x.ts', `import { ipcRenderer } from 'electron';`, true],
    ['renderer/src/x.ts', `import { createRouter } from '#services/router.ts';`, true],
    ['renderer/src/x.ts', `import { contract } from '#contract/index.ts';`, false],
    ['renderer/src/x.ts', `import { PROFILE_ATTRIBUTES } from '#core/profile.ts';`, false],
    ['core/x.ts', `import { readFileSync } from 'node:fs';`, true],
    ['core/x.ts', `import { clients } from '../db/schema.ts';`, true],
    ['core/x.ts', `import { z } from 'zod';`, false],
    ['db/x.ts', `import { contract } from '#contract/index.ts';`, true],
    ['services/x.ts', `import { app } from 'electron';`, true],
    ['services/x.ts', `import { startHost } from '#host/server.ts';`, true],
    ['host/x.ts', `import { openDatabase } from '#db/open.ts';`, true],
    ['host/x.ts', `import { openWorkstation } from '#services/workstation.ts';`, false],
    ['electron/x.ts', `import { app } from 'electron';`, false],
    ['electron/x.ts', `import { Store } from '#db/store.ts';`, true],
    ['bench/x.ts', `import { app } from 'electron';`, true],
    ['backend/x.ts', `import { openDatabase } from '../db/open.ts';`, true],
    ['backend/x.ts', `import { connect } from '#backend/db/connect.ts';`, false],
  ];
  it.each(cases)('%s: %s -> refused=%s', async (file, code, refused) => {
    const found = await violations(file, code);
    expect(found.length > 0).toBe(refused);
  });
});
