// Killed inside its writes: a writer process is killed with SIGKILL thirty
// times at random moments, a third of them while it pauses inside a
// transaction with its rows written and COMMIT not yet reached. After every
// kill the book opens whole, nothing acknowledged is lost, and every change
// made here waits in the outbox. `npm run bench -- crash` runs the long loop.
import { afterEach, expect, it } from 'vitest';
import { runKillLoop } from '../../support/crash-loop.ts';
import { tempDir } from '../../support/book.ts';

const dir = tempDir('aw-kill-loop-');
afterEach(() => dir.cleanup());

it('30 kills, some inside transactions: integrity ok, nothing acknowledged lost, every change with its outbox row', async () => {
  const result = await runKillLoop({ dir: dir.dir, kills: 30, inTxShare: 0.34, maxRunMs: 300, seed: 14 });
  // One comparison, so a failure prints every figure and what was wrong.
  expect({ ...result, enough_in_tx: result.kills_in_tx >= 5, enough_acknowledged: result.acknowledged >= 100 }).toEqual({
    kills: 30, kills_in_tx: result.kills_in_tx, acknowledged: result.acknowledged,
    lost: 0, integrity_failures: 0, unqueued: 0, problems: [],
    // The loop did what it says: kills landed inside transactions, and writes were acknowledged before kills.
    enough_in_tx: true, enough_acknowledged: true,
  });
}, 240_000);
