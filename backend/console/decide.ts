// The manufacturer's decision on an approval request, made in the console:
// the core mutation `approval.decide`, applied through the same path as a
// pushed change (backend/mutate.ts: role, plan, merge, records and change
// log), so the retailer's devices pull the decision like any other change and
// the same rules hold (a decision stands; a decline says why).
import { sql } from 'drizzle-orm';
import { formatHlc, parseHlc, tick } from '#core/hlc.ts';
import type { BackendDb } from '../db/connect.ts';
import { applyPushed, type Issuer, type Verdict } from '../mutate.ts';
import { retrying } from '../push.ts';
import { lockRecords } from '../records.ts';
import { newRecordId } from '../ids.ts';
import { BACKEND_NODE } from '../signals.ts';

export interface Decision { id: string; decision: 'approved' | 'declined'; note?: string | null }

/**
 * A stamp after every stamp the request holds: a device's clock may run a
 * little ahead of the server's, and the decision must still win the merge
 * of the fields it sets.
 */
function stampAfterAll(stamps: Record<string, string> | undefined, now: Date): string {
  const newest = Object.values(stamps ?? {}).sort().at(-1);
  const base = newest ? parseHlc(newest) : { wall: 0, counter: 0, node: BACKEND_NODE };
  return formatHlc(tick(base, now.getTime(), BACKEND_NODE));
}

/** Applies the decision as `user` (who must hold the manufacturer's role); the verdict says applied, or why not. */
export async function decideApproval(db: BackendDb, user: Issuer, input: Decision, now: Date): Promise<Verdict> {
  return retrying(() => db.transaction(async (tx) => {
    const rows = await lockRecords(tx, typeof input.id === 'string' ? [input.id] : []);
    const approval = [...rows.values()][0];
    const m = {
      seq: 0, mutationId: newRecordId(now.getTime()), name: 'approval.decide', args: input,
      hlc: stampAfterAll(approval?.stamps, now), at: now.getTime(),
    };
    // Nothing to store beside the writes: the console answers the verdict itself.
    return applyPushed(tx, user, m, now, null, () => sql`SELECT 1`);
  }));
}
