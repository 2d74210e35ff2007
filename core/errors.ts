// Errors the domain raises. Each carries a stable code and parameters so every
// shell can say, in the user's language, what is wrong and what to do.

export const DOMAIN_ERROR_CODES = [
  'required',
  'too_long',
  'invalid_email',
  'invalid_phone',
  'invalid_postal_code',
  'invalid_date',
  'date_in_future',
  'date_too_early',
  'date_out_of_range',
  'out_of_range',
  'unknown_attribute',
  'unknown_value',
  'not_in_catalogue',
  'invalid_value',
  'not_found',
  'meeting_ended',
  'undo_closed',
  'client_erased',
  'client_deleted',
  'money_conflict',
  'mandate_revoked',
  'mandate_not_in_force',
  'needs_single_consent',
  'outside_areas',
  'over_cap',
  'over_budget',
  'consent_missing',
  'role_not_allowed',
  'owner_only',
  'mandate_coach_only',
  'version_taken',
  'managed_by_manufacturer',
  'insecure_url',
  // Sharing a client (core/share.ts).
  'not_a_coach',
  'share_with_self',
  // A retailer's price (core/retail/price.ts) and the manufacturer's approval of it.
  'reason_required',
  'needs_approval',
  'approval_not_needed',
  'approval_pending',
  'approval_declined',
  'approval_expired',
  'approval_mismatch',
  'approval_decided',
  // A correction the client asked for, made against a value that is no longer held (core/correction.ts).
  'correction_stale',
  // A row of a client list that names the same person as an earlier row (core/client-list/plan.ts).
  'duplicate_in_list',
  // A client list file that cannot be read as one (services/client-list-files.ts).
  'unsupported_file',
  'unreadable_file',
  'empty_file',
  'import_expired',
  // A planned meeting that was called off takes no more changes (core/appointment.ts).
  'appointment_cancelled',
  // A self-assessment form read back (core/self-assessment.ts).
  'not_a_form',
  'form_tampered',
  'form_other_client',
  'form_other_device',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export function isDomainErrorCode(code: string): code is DomainErrorCode {
  return (DOMAIN_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * What a number in `params` counts, so a shell can write it as the user reads
 * it: cents as an amount of euros, days (YYYY-MM-DD) in the local date format.
 */
export type ParamUnit = 'cents';

export interface FieldProblem {
  field: string;
  code: DomainErrorCode;
  /** min/max for ranges (with `unit` when they are not plain numbers), max for lengths, the bound day for dates. */
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[], message?: string) {
    super(message ?? problems.map(describeProblem).join('; '));
    this.name = 'DomainError';
    this.problems = problems;
  }
}

/** A parameter as plain English writes it; cents as euros. */
function said(value: string | number | undefined, unit: unknown): string | undefined {
  if (value === undefined) return undefined;
  return unit === 'cents' && typeof value === 'number' ? `${(value / 100).toFixed(2)} euros` : String(value);
}

/** Plain-English description, for logs, the CLI and API consumers without a UI. */
export function describeProblem(p: FieldProblem): string {
  const x = p.params ?? {};
  const min = said(x.min, x.unit);
  const max = said(x.max, x.unit);
  switch (p.code) {
    case 'required': return `${p.field} is required: enter a value`;
    case 'too_long': return max ? `${p.field} is too long: at most ${max} characters` : `${p.field} is too long: shorten it`;
    case 'invalid_email': return `${p.field} is not a valid email address: use the form name@example.de`;
    case 'invalid_phone': return `${p.field} is not a valid phone number: use digits, spaces, +, - or /`;
    case 'invalid_postal_code': return `${p.field} is not a German postal code: use its five digits, such as 10115`;
    case 'invalid_date': return `${p.field} is not a valid date: use an existing day as YYYY-MM-DD`;
    case 'date_in_future': return `${p.field} lies in the future: enter a past date`;
    case 'date_too_early': return min ? `${p.field} lies before ${min}: enter ${min} or later` : `${p.field} lies too early: enter a later date`;
    case 'date_out_of_range':
    case 'out_of_range':
      return min !== undefined && max !== undefined ? `${p.field} must be between ${min} and ${max}` : `${p.field} is out of range`;
    case 'unknown_attribute': {
      // An entry of a record of answers (inputs.shoe_size) says which record it is in.
      const within = p.field.includes('.') ? `${p.field.slice(0, p.field.lastIndexOf('.'))}: ` : '';
      return `${within}unknown profile attribute "${x.attribute ?? ''}"${x.allowed ? `: use one of ${x.allowed}` : ''}`;
    }
    case 'unknown_value': return x.value !== undefined ? `"${x.value}" is not a value of ${p.field}${x.allowed ? `: use one of ${x.allowed}` : ''}` : `${p.field} has a value that is not one of its choices`;
    case 'not_in_catalogue':
      return `${x.value !== undefined ? `"${x.value}" in ${p.field}` : p.field} is not in the manufacturer's catalogue: sync to get the newest catalogue, then choose from it`;
    case 'invalid_value': return `${p.field} has an invalid value: ${x.detail ?? 'check the input'}`;
    case 'not_found': return `${p.field} was not found: it may have been deleted`;
    case 'meeting_ended': return 'the meeting has ended: start a new meeting to add answers';
    case 'undo_closed': return 'a decision can be taken back only while the meeting it was made in is running: record a new decision instead';
    case 'client_erased': return 'the client has been erased: nothing can be added';
    case 'client_deleted': return 'the client has been deleted: nothing can be added';
    case 'money_conflict':
      return x.theirs !== undefined
        ? `${p.field} was changed elsewhere to ${x.theirs} cents while you changed ${x.expected} to ${x.yours}: decide which amount applies`
        : `${p.field} was changed elsewhere meanwhile: decide which amount applies`;
    case 'version_taken': return 'this version of the record was made elsewhere meanwhile: open the record again and make the correction on the newest version';
    case 'consent_missing': return `the client has not consented to ${x.purpose ?? 'this'}: record their consent first`;
    case 'role_not_allowed': return `your roles do not include this work${x.roles ? ` (it needs one of: ${x.roles})` : ''}: ask your administrator for the role, or hand it to a colleague who has it`;
    case 'owner_only': return "only the client's owner may do this: ask the owner";
    case 'mandate_coach_only': return "only the mandate's coach may change its terms: ask the coach";
    case 'mandate_revoked': return 'the client has revoked this mandate: nothing can be changed or bought under it';
    case 'mandate_not_in_force': return `the mandate is not in force on ${x.day ?? 'this day'}${x.from ? ` (it runs from ${x.from}${x.until ? ` to ${x.until}` : ''})` : ''}: ask the client to extend it`;
    case 'needs_single_consent': return `${x.value ?? 'an item'} is a complex product: the client has to agree to this one purchase`;
    case 'outside_areas': return `${x.value ?? 'an item'} is outside the mandate's product areas${x.areas ? ` (${x.areas})` : ''}: ask the client to agree to it directly`;
    case 'over_cap': return `the purchase costs ${said(x.price, 'cents')}, above the cap per purchase of ${said(x.cap, 'cents')}: ask the client to agree to it directly`;
    case 'over_budget': return `the purchase would take ${said(x.charge, 'cents')} from a budget of ${said(x.budget, 'cents')} of which ${said(x.spent, 'cents')} is spent this period: ask the client to agree to it directly`;
    case 'managed_by_manufacturer': return `${p.field} are set at the manufacturer for this enrolled device: change them there`;
    case 'not_a_coach': return `${p.field} does not name a life coach: a client is shared only with a life coach, so choose one from the directory`;
    case 'share_with_self': return "you are the client's owner and always have access: choose a life coach to share the client with";
    case 'reason_required': return 'the price differs from the proposed price: give the reason for the deviation (and a text for "other")';
    case 'needs_approval': return "the price is outside the granted range, or the range has expired: ask the manufacturer to approve it, or choose a price within the range";
    case 'approval_not_needed': return 'the price is within the granted range: record the sale, no approval is needed';
    case 'approval_pending': return 'the manufacturer has not decided the request yet: sync later, or sell within the range meanwhile';
    case 'approval_declined': return 'the manufacturer declined this price: choose a price within the range';
    case 'approval_expired': return `the approval ran out on ${x.day ?? 'its last day'}: ask for a new approval, or sell within the range`;
    case 'approval_mismatch': return `the approval is for another product or price${x.price !== undefined ? ` (${said(x.price, x.unit)})` : ''}: sell at the approved price, or ask for a new approval`;
    case 'approval_decided': return `the request has been decided already (${x.value ?? 'decided'}): a decision stands`;
    case 'correction_stale': return `${p.field} no longer holds the value the correction says it replaced (it was changed elsewhere meanwhile): look at the current value and correct it again`;
    case 'duplicate_in_list': return `this row names the same person as line ${x.line ?? 'above'} of the list: keep one of the two rows`;
    case 'unsupported_file': return x.detail === 'xls'
      ? 'the file is in the old Excel format (.xls): open it in Excel and save it as .xlsx or CSV'
      : 'the file is not a client list this app reads: save it as .xlsx or CSV';
    case 'not_a_form': return 'the file is not a self-assessment form of this app: choose the PDF the client filled in';
    case 'form_tampered': return 'the form was changed other than by filling it in: nothing was taken; send the client a new form';
    case 'form_other_client': return "the form was issued for another client: open that client's page and read it there";
    case 'form_other_device': return 'the form was issued on another workstation: read it on the workstation that made it, or send a new form';
    case 'unreadable_file': return `the file cannot be read as a client list${x.detail ? ` (${x.detail})` : ''}: open it in Excel and save it again as .xlsx or CSV`;
    case 'empty_file': return 'the file holds no table: the first row must name the columns (Name, Vorname, ...)';
    case 'import_expired': return 'the list is no longer open (the app was restarted or another list was opened since): choose the file again';
    case 'appointment_cancelled': return 'the planned meeting was cancelled: plan a new one instead';
    case 'insecure_url': return `${p.field} must start with https://: over http:// the enrolment code and the device token would travel unencrypted (http:// only for a backend on this computer)`;
  }
}
