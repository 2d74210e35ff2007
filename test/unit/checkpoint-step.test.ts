// When the book is synced to disk (db/checkpoint.ts): between keystrokes, and
// never later than the longest wait after the first change waiting.
import { expect, it } from 'vitest';
import { checkpointStep, type CheckpointState } from '#db/checkpoint.ts';

const timing = { tickMs: 100, maxWaitMs: 250 };
const idle: CheckpointState = { changes: 5, waitingSince: null };

it('does nothing while nothing changed', () => {
  expect(checkpointStep(idle, 5, 1_000, timing)).toEqual({ run: false, next: idle });
});

it('waits while changes keep coming, then syncs once the book was quiet for a look', () => {
  const first = checkpointStep(idle, 6, 1_000, timing);
  expect(first).toEqual({ run: false, next: { changes: 6, waitingSince: 1_000 } });
  const second = checkpointStep(first.next, 9, 1_100, timing);
  expect(second).toEqual({ run: false, next: { changes: 9, waitingSince: 1_000 } });
  expect(checkpointStep(second.next, 9, 1_200, timing)).toEqual({ run: true, next: { changes: 9, waitingSince: null } });
});

it('syncs at the longest wait even while the advisor keeps typing', () => {
  let state = idle;
  const runs: number[] = [];
  for (let at = 1_000, changes = 6; at <= 2_000; at += 100, changes++) {
    const step = checkpointStep(state, changes, at, timing);
    if (step.run) runs.push(at);
    state = step.next;
  }
  // First change seen at 1,000: synced at 1,300 (waited 300 >= 250), then the next change at 1,400 waits until 1,700.
  expect(runs).toEqual([1_300, 1_700]);
});
