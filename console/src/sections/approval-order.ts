// The order of the approval list: pending requests first, the longest waiting
// on top (they expire from the retailer's point of view first), then the
// decided ones, the newest decision on top.
import type { ApprovalView } from '#contract/console.ts';

export function approvalOrder(all: readonly ApprovalView[]): { pending: ApprovalView[]; decided: ApprovalView[] } {
  const pending = all.filter((a) => a.status === 'pending').sort((a, b) => a.requestedAt - b.requestedAt);
  const decided = all.filter((a) => a.status !== 'pending').sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0));
  return { pending, decided };
}

/** Which row to choose after one was decided: the pending one that took its place, else the one before, else none. */
export function nextAfter(pending: readonly ApprovalView[], decidedId: string): string | null {
  const i = pending.findIndex((a) => a.id === decidedId);
  const rest = pending.filter((a) => a.id !== decidedId);
  return (rest[Math.max(0, Math.min(i, rest.length - 1))] ?? null)?.id ?? null;
}
