// The manufacturer's products a client holds: what offers leave out (never
// offer what is owned, never a module without its base) and what the value
// tier counts (yearly premium, product areas, years of loyalty).
import { z } from 'zod';
import { catalogueId } from './manufacturer.ts';
import { uuid } from './validate.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid_date' });

export const holdingAddSchema = z.object({
  id: uuid,
  clientId: uuid,
  productId: catalogueId,
  since: day,
  /** What the client pays for it per year, in cents. */
  yearlyPremiumCents: z.number({ error: 'required' }).int({ error: 'invalid_value' }).min(0, { error: 'out_of_range' }).max(100_000_000, { error: 'out_of_range' }),
}).strict();

export const holdingEndSchema = z.object({ id: uuid, endedOn: day }).strict();
