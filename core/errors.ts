// Errors the domain raises. Each carries a stable code and parameters so every
// shell can say, in the user's language, what is wrong and what to do.

export type DomainErrorCode =
  | 'required'
  | 'too_long'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_date'
  | 'date_in_future'
  | 'out_of_range'
  | 'unknown_attribute'
  | 'unknown_value'
  | 'invalid_value'
  | 'not_found'
  | 'meeting_ended'
  | 'undo_closed'
  | 'client_erased'
  | 'money_conflict'
  | 'mandate_revoked'
  | 'consent_missing'
  | 'version_taken';

export interface FieldProblem {
  field: string;
  code: DomainErrorCode;
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

/** Plain-English description, for logs, the CLI and API consumers without a UI. */
export function describeProblem(p: FieldProblem): string {
  const x = p.params ?? {};
  switch (p.code) {
    case 'required': return `${p.field} is required: enter a value`;
    case 'too_long': return `${p.field} is too long: at most ${x.max} characters`;
    case 'invalid_email': return `${p.field} is not a valid email address: use the form name@example.de`;
    case 'invalid_phone': return `${p.field} is not a valid phone number: use digits, spaces, +, - or /`;
    case 'invalid_date': return `${p.field} is not a valid date: use YYYY-MM-DD`;
    case 'date_in_future': return `${p.field} lies in the future: enter a past date`;
    case 'out_of_range': return `${p.field} must be between ${x.min} and ${x.max}`;
    case 'unknown_attribute': return `unknown profile attribute "${x.attribute}": use one of ${x.allowed}`;
    case 'unknown_value': return `"${x.value}" is not a value of ${p.field}: use one of ${x.allowed}`;
    case 'invalid_value': return `${p.field} has an invalid value: ${x.detail ?? 'check the input'}`;
    case 'not_found': return `${p.field} was not found: it may have been deleted`;
    case 'meeting_ended': return 'the meeting has ended: start a new meeting to add answers';
    case 'undo_closed': return 'a decision can be taken back only while the meeting it was made in is running: record a new decision instead';
    case 'client_erased': return 'the client has been erased: nothing can be added';
    case 'money_conflict': return `${p.field} was changed elsewhere to ${x.theirs} cents while you changed ${x.expected} to ${x.yours}: decide which amount applies`;
    case 'version_taken': return 'this version of the record was made elsewhere meanwhile: open the record again and make the correction on the newest version';
    case 'consent_missing': return `the client has not consented to ${x.purpose ?? 'this'}: record their consent first`;
    case 'mandate_revoked': return 'the client has revoked this mandate: it can no longer be changed';
  }
}
