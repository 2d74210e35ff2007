// How the retailer's screens name an approval's state: one past its last day reads as run out, not approved.
import type { ApprovalView } from '#contract/retail.ts';

export type ApprovalState = 'pending' | 'approved' | 'declined' | 'lapsed';

export const stateOf = (a: Pick<ApprovalView, 'status' | 'usable'>): ApprovalState => (a.status === 'approved' && !a.usable ? 'lapsed' : a.status);
