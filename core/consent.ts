// Consent is recorded per purpose; the newest record for a purpose is in force.
import { z } from 'zod';
import { optionalText, uuid } from './validate.ts';

export const CONSENT_PURPOSES = ['profiling', 'contact', 'manufacturer_sharing', 'assistant_data'] as const;
export const CONSENT_METHODS = ['verbal', 'written', 'form', 'app'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const consentRecordSchema = z.object({
  id: uuid,
  clientId: uuid,
  purpose: z.enum(CONSENT_PURPOSES, { error: 'unknown_value' }),
  granted: z.boolean({ error: 'invalid_value' }),
  method: z.enum(CONSENT_METHODS, { error: 'unknown_value' }),
  note: optionalText(500),
}).strict();
export type ConsentRecord = z.output<typeof consentRecordSchema>;

export interface ConsentEntry { purpose: ConsentPurpose; granted: boolean; recordedAt: number }

/** The consent in force per purpose: the newest record wins; no record means no consent. */
export function consentInForce(records: ConsentEntry[]): Record<ConsentPurpose, boolean> {
  const state = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, false])) as Record<ConsentPurpose, boolean>;
  const newest = new Map<ConsentPurpose, ConsentEntry>();
  for (const r of records) {
    const seen = newest.get(r.purpose);
    if (!seen || r.recordedAt >= seen.recordedAt) newest.set(r.purpose, r);
  }
  for (const [p, r] of newest) state[p] = r.granted;
  return state;
}
