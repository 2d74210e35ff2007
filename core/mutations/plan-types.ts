// What a planner is: it turns a mutation's arguments, read against the records
// as they are, into the writes that carry it out. Its own module so that the
// planners of each area (plan.ts, plan-coach.ts, plan-retail.ts, share.ts) and
// the table that gathers them need not import each other.
import type { CatalogueLookup } from '../manufacturer.ts';
import type { RecordReader, RecordWrite } from '../records.ts';
import type { PriceRangeLookup } from '../retail/price.ts';
import type { PeopleLookup } from '../share.ts';
import type { MutationArgs, MutationName } from './index.ts';

export interface PlanContext {
  at: number;
  userId: string;
  read: RecordReader;
  /** The manufacturer's catalogue, for the ids of products, bundles and areas a mutation carries. */
  catalogue: CatalogueLookup;
  /** The people a change may name (client.share); the kinds that name none never ask. */
  people?: PeopleLookup;
  /** The issuer's granted price ranges (a sale, an approval request); the kinds that price nothing never ask. */
  ranges?: PriceRangeLookup;
}
export interface Plan {
  writes: RecordWrite[];
  id: string;
  clientId: string;
  /** The mutation erases the client: every record about them is removed, not written. */
  erase?: true;
  /**
   * The mutation writes no synced record but logs a disclosure of a restricted
   * advice record (db/retention.ts on the device, backend/retention.ts), and
   * still travels to the backend.
   */
  disclose?: true;
  /** Who gains or loses access to the client: the backend grants or revokes it with the writes. */
  access?: { grant: string } | { revoke: string };
}

export type Planner<N extends MutationName> = (a: MutationArgs<N>, c: PlanContext) => Plan;
