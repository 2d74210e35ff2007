// Every rule a mutation is checked against beyond the shape of its arguments,
// by kind: the planners' checks (plan.ts), the closed lists whose ids only the
// domain or the catalogue knows, and the rules checked on the merged record
// (invariants.ts). Each rule names the code its refusal carries. The device
// and the backend check the same rules from the same code; the backend's
// tampered-device suite (test/integration/backend/tampered.test.ts) pushes one
// mutation breaking each of them and fails when a rule here has no such case.
import type { DomainErrorCode } from '../errors.ts';
import type { MutationName } from './index.ts';

/** A mutation about a client that is not there, or was deleted. */
const CLIENT = { client_missing: 'not_found', client_deleted: 'client_deleted' } as const;

export const MUTATION_RULES = {
  'client.create': { birth_date_in_future: 'date_in_future' },
  'client.update': {
    ...CLIENT, birth_date_in_future: 'date_in_future',
    /** At the client's request (core/correction.ts): the fields named are those changed, each held what it says before, and each changes. */
    correction_other_fields: 'invalid_value', correction_stale: 'correction_stale', correction_unchanged: 'invalid_value',
  },
  'client.delete': { ...CLIENT },
  'client.erase': { client_missing: 'not_found' },
  'meeting.start': { ...CLIENT },
  'meeting.update': { meeting_missing: 'not_found' },
  'meeting.end': { meeting_missing: 'not_found' },
  'answer.set': {
    ...CLIENT, unknown_attribute: 'unknown_attribute', unknown_answer: 'unknown_value', answer_shape: 'invalid_value',
    meeting_missing: 'not_found', meeting_of_other_client: 'not_found', meeting_ended: 'meeting_ended',
  },
  'touchpoint.add': { ...CLIENT, contact_in_future: 'date_in_future' },
  'task.add': { ...CLIENT },
  'task.update': { task_missing: 'not_found' },
  'appointment.plan': { ...CLIENT },
  'appointment.update': {
    appointment_missing: 'not_found', appointment_cancelled: 'appointment_cancelled',
    /** The meeting held from the plan is one of the same client's. */
    meeting_missing: 'not_found', meeting_of_other_client: 'not_found',
  },
  'appointment.cancel': { appointment_missing: 'not_found' },
  'feedback.record': {
    ...CLIENT,
    /** The purchase or sale asked about is one of the same client's. */
    subject_missing: 'not_found', subject_of_other_client: 'not_found',
  },
  'consent.record': { ...CLIENT },
  'mandate.grant': { ...CLIENT, cap_above_budget: 'out_of_range', until_before_from: 'date_too_early', area_not_in_catalogue: 'not_in_catalogue' },
  'mandate.update': {
    mandate_missing: 'not_found', mandate_revoked: 'mandate_revoked', money_conflict: 'money_conflict',
    cap_above_budget: 'out_of_range', until_before_from: 'date_too_early', area_not_in_catalogue: 'not_in_catalogue',
    /** A back-dated stamp wins the budget but loses the cap (or the other way round): the merged terms break the rule. */
    merged_cap_above_budget: 'out_of_range',
    merged_until_before_from: 'date_too_early',
  },
  'mandate.revoke': { mandate_missing: 'not_found' },
  'conclusion.record': { ...CLIENT, unknown_conclusion: 'unknown_value', unknown_input_attribute: 'unknown_attribute', unknown_input_value: 'unknown_value' },
  'conclusion.refresh': { conclusion_missing: 'not_found', set_by_advisor: 'invalid_value', rejected_by_client: 'invalid_value', unknown_input_value: 'unknown_value' },
  'conclusion.review': { conclusion_missing: 'not_found' },
  'holding.add': { ...CLIENT, product_not_in_catalogue: 'not_in_catalogue' },
  'holding.end': { holding_missing: 'not_found', ended_before_since: 'date_too_early' },
  'offer.outcome': {
    ...CLIENT, offer_not_in_catalogue: 'not_in_catalogue', offer_of_other_kind: 'not_in_catalogue', unknown_segment: 'unknown_value',
    meeting_missing: 'not_found', meeting_ended: 'meeting_ended',
  },
  'offer.undo': { outcome_missing: 'not_found', undo_closed: 'undo_closed' },
  'advice.create': {
    meeting_missing: 'not_found', other_meeting: 'invalid_value', started_at_changed: 'invalid_value', hash_mismatch: 'invalid_value',
    chain_broken: 'invalid_value', version_taken: 'version_taken',
  },
  'advice.deliver': { record_missing: 'not_found' },
  'alert.snooze': { alert_missing: 'not_found', snooze_not_after_today: 'date_too_early' },
  'alert.dismiss': { alert_missing: 'not_found' },
  'alert.close': { alert_missing: 'not_found' },
  /** coach.md's checks in its order, then what the purchase writes. */
  'purchase.make': {
    mandate_missing: 'not_found', mandate_of_other_client: 'not_found', client_deleted: 'client_deleted', unknown_product: 'not_in_catalogue', not_in_force: 'mandate_not_in_force',
    revoked: 'mandate_revoked', complex_product: 'needs_single_consent', outside_areas: 'outside_areas', over_cap: 'over_cap', over_budget: 'over_budget',
    holdings_mismatch: 'invalid_value', alert_of_other_client: 'not_found',
  },
  /** retail.md's decision in its order, then the approval a price outside the range needs. */
  'sale.record': {
    ...CLIENT, product_not_in_catalogue: 'not_in_catalogue', unknown_variant: 'unknown_value', reason_missing: 'reason_required', holding_exists: 'invalid_value',
    outside_range_unapproved: 'needs_approval', approval_missing: 'not_found', approval_other_price: 'approval_mismatch', approval_pending: 'approval_pending',
    approval_declined: 'approval_declined', approval_expired: 'approval_expired',
  },
  'approval.request': { ...CLIENT, product_not_in_catalogue: 'not_in_catalogue', unknown_variant: 'unknown_value', reason_missing: 'reason_required', within_range: 'approval_not_needed' },
  'approval.decide': { approval_missing: 'not_found', decided_already: 'approval_decided' },
  'client.share': { ...CLIENT, share_with_self: 'share_with_self', person_unknown: 'not_found', not_a_coach: 'not_a_coach' },
  'client.unshare': { ...CLIENT, unshare_owner: 'share_with_self' },
  /** Checked by the backend against its restricted store (backend/retention.ts), the device against its own (db/retention.ts). */
  'advice.disclose': { client_not_erased: 'not_found', record_missing: 'not_found' },
} as const satisfies { [N in MutationName]: Record<string, DomainErrorCode> };

export type MutationRule<N extends MutationName> = keyof (typeof MUTATION_RULES)[N] & string;

/** Whether a mutation names a person whom the side applying it must know (the backend then reads them from its users). */
export function consultsPeople(name: MutationName): boolean {
  return Object.values(MUTATION_RULES[name]).includes('not_a_coach');
}

/** Whether a mutation's rules consult the catalogue (the backend then loads what it published). */
export function consultsCatalogue(name: MutationName): boolean {
  return Object.values(MUTATION_RULES[name]).includes('not_in_catalogue');
}

/** Whether a mutation prices a sale (the backend then loads the issuer's granted ranges). */
export function consultsRanges(name: MutationName): boolean {
  return Object.values(MUTATION_RULES[name]).includes('reason_required');
}
