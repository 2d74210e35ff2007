// The console's approval list and its words for what the backend refuses:
// the manufacturer sees the longest waiting request on top, the next one
// chosen once one is decided, and every refusal said in German or English.
import { ORPCError } from '@orpc/client';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../../contract/console.ts';
import { de } from '../../../console/src/i18n/de.ts';
import { en } from '../../../console/src/i18n/en.ts';
import { errorMessage, isStale } from '../../../console/src/errors.ts';
import { approvalOrder, nextAfter } from '../../../console/src/sections/approval-order.ts';

const person = { id: 'p', displayName: 'P' };
function approval(id: string, status: ApprovalView['status'], requestedAt: number, decidedAt: number | null = null): ApprovalView {
  return {
    id, status, requestedAt, decidedAt, retailerId: 'r', productId: 'x', productName: { de: 'X', en: 'X' }, variant: null,
    chosenCents: 1600, proposedCents: 1240, floorCents: 1120, ceilingCents: 1490, validUntil: null, deviationCents: 360,
    reason: 'client_value', reasonText: null, clientRef: 'K-1', requestedBy: person, expired: false,
    decidedBy: decidedAt === null ? null : person, note: null, expiresOn: null,
  };
}

describe('the approval list', () => {
  const list = [approval('new', 'pending', 300), approval('d-old', 'declined', 100, 150), approval('old', 'pending', 200), approval('d-new', 'approved', 50, 400)];

  it('puts the pending requests first, the longest waiting on top, then the newest decision', () => {
    const { pending, decided } = approvalOrder(list);
    expect(pending.map((a) => a.id)).toEqual(['old', 'new']);
    expect(decided.map((a) => a.id)).toEqual(['d-new', 'd-old']);
  });

  it('chooses the request that took the decided one’s place, else the one before, else none', () => {
    const pending = [approval('a', 'pending', 1), approval('b', 'pending', 2), approval('c', 'pending', 3)];
    expect(nextAfter(pending, 'a')).toBe('b');
    expect(nextAfter(pending, 'c')).toBe('b');
    expect(nextAfter([approval('a', 'pending', 1)], 'a')).toBeNull();
  });
});

describe('what the console says when the backend refuses', () => {
  const t = (lang: 'de' | 'en') => {
    const i18n = i18next.createInstance();
    void i18n.init({ resources: { de: { translation: de }, en: { translation: en } }, lng: lang, initAsync: false, interpolation: { escapeValue: false } });
    return i18n.t.bind(i18n);
  };
  // As the backend refuses a decision by the rules: the domain code as the error's code and in its data.
  const refused = (code: string, status = 400) => new ORPCError(code, { status, data: { code } });

  it('asks for a note when a decline has none, in both languages', () => {
    expect(errorMessage(t('de'), refused('required'))).toMatch(/Notiz.*Ablehnung/);
    expect(errorMessage(t('en'), refused('required'))).toMatch(/note.*decline/);
  });

  it('names the limit of a note too long, as the contract’s own check refuses it', () => {
    const error = new ORPCError('BAD_REQUEST', { data: { code: 'invalid_request', issues: [{ path: 'note', message: 'too_long' }] } });
    expect(errorMessage(t('de'), error)).toContain('500 Zeichen');
  });

  it('says a request was decided meanwhile, and that the list is out of date', () => {
    const error = refused('approval_decided', 409);
    expect(errorMessage(t('de'), error)).toContain('inzwischen schon entschieden');
    expect(isStale(error)).toBe(true);
    expect(isStale(refused('required'))).toBe(false);
  });

  it('tells a missing role, a failing server and no answer apart', () => {
    expect(errorMessage(t('de'), new ORPCError('FORBIDDEN'))).toContain('Rolle');
    expect(errorMessage(t('en'), new ORPCError('INTERNAL_SERVER_ERROR'))).toContain('could not handle');
    expect(errorMessage(t('de'), new TypeError('Failed to fetch'))).toContain('antwortet nicht');
  });
});
