// The manufacturer's products a client holds: what offers leave out (never
// offer what is owned, never a module without its base) and what the value
// tier counts (yearly premium, product areas, years of loyalty).
import { z } from 'zod';
import { catalogueId } from './manufacturer.ts';
import { intBetween, isoDay, uuid } from './validate.ts';

/** Ten thousand euros a year per contract would be rare; a million is a slipped key. */
export const HOLDING_MAX_PREMIUM_CENTS = 100_000_000;

export const holdingAddSchema = z.object({
  id: uuid,
  clientId: uuid,
  productId: catalogueId,
  since: isoDay,
  /** What the client pays for it per year, in cents. */
  yearlyPremiumCents: intBetween(0, HOLDING_MAX_PREMIUM_CENTS, 'cents'),
}).strict();

export const holdingEndSchema = z.object({ id: uuid, endedOn: isoDay }).strict();
