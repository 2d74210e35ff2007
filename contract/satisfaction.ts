// NPS and CES: a client's answers after purchases and sales, and the book's trend.
import { z } from 'zod';
import { SEGMENT_IDS } from '#core/segments/index.ts';
import { VALUE_TIERS } from '#core/manufacturer.ts';

export const feedbackView = z.object({ id: z.string(), about: z.string(), nps: z.number().nullable(), ces: z.number().nullable(), recordedAt: z.number() });

export const satisfactionInput = z.object({ months: z.number().int().min(1).max(24).default(6) });
const point = z.object({ month: z.string(), nps: z.number().nullable(), ces: z.number().nullable(), responses: z.number() });
export const satisfactionView = z.object({
  months: z.array(z.string()),
  overall: z.array(point),
  bySegment: z.array(z.object({ id: z.enum(SEGMENT_IDS), points: z.array(point) })),
  byTier: z.array(z.object({ id: z.enum(VALUE_TIERS), points: z.array(point) })),
  sources: z.object({ meetings: z.number(), purchases: z.number(), sales: z.number() }),
});
