// The alert rules: the manufacturer's thresholds and windows for turning an
// assistant's signals into alerts (shared/domain/coach.md, "Signals become
// alerts"). A versioned document like the segment rule set, so the backend,
// the devices and the `alerts` command decide with the same numbers, and a
// manufacturer can tighten a threshold without a new release.
//
// Strict like the catalogue (core/manufacturer.ts): a misspelt field is
// refused by name, never silently replaced by a default.
import { z } from 'zod';

const whole = (what: string, min: number) => z.number({ error: `must be a number of ${what}` })
  .int({ error: `must be a whole number of ${what}` })
  .min(min, { error: `must be ${min} or more ${what}` });

export const alertRulesDocument = z.strictObject({
  /** Which rules decided an alert: stored with it, so a later change of threshold does not rewrite history. */
  version: z.string({ error: 'must be a text like "1"' }).trim().min(1, { error: 'may not be empty' }).max(40, { error: 'is too long: at most 40 characters' }),
  /** Rule 3: a signal less sure than this (0..1) is dropped as `low_confidence`; exactly this much is kept. */
  min_confidence: z.number({ error: 'must be a number from 0 to 1' }).min(0, { error: 'must be from 0 to 1' }).max(1, { error: 'must be from 0 to 1' }),
  /** Rule 4: a signal observed more than this many hours before now is dropped as `stale`; exactly this old is kept. */
  stale_hours: whole('hours', 1),
  /** Rule 2: a rejection on one of this many days before today, or today, drops a signal of that event. */
  rejected_days: whole('days', 0),
  /** Rule 6: an alert created this many days before today, or later, still takes a new signal's evidence. */
  dedupe_days: whole('days', 0),
  /** An alert is urgent when an event date lies from today to this many days after today. */
  urgent_days: whole('days', 0),
});
export type AlertRules = z.infer<typeof alertRulesDocument>;

/** The defaults coach.md fixes: in force until the manufacturer publishes other rules. */
export const ALERT_RULES_V1: AlertRules = {
  version: '1',
  min_confidence: 0.6,
  stale_hours: 90 * 24,
  rejected_days: 180,
  dedupe_days: 30,
  urgent_days: 13,
};
