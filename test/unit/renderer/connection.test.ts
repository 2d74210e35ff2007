// Which failed calls mean "the core is gone": only those may show the offline banner.
import { ORPCError } from '@orpc/client';
import { describe, expect, it } from 'vitest';
import { connectionProblemOf } from '../../../renderer/src/connection.ts';

describe('connectionProblemOf', () => {
  it('takes a refused fetch for a lost connection', () => {
    expect(connectionProblemOf(new TypeError('Failed to fetch'))).toBe('offline');
  });
  it('takes 401 and 403 for a lost session', () => {
    expect(connectionProblemOf(new ORPCError('UNAUTHORIZED', { status: 401 }))).toBe('session_lost');
    expect(connectionProblemOf(new ORPCError('FORBIDDEN', { status: 403 }))).toBe('session_lost');
  });
  it('leaves an answer from the core (bad input) to the form that asked', () => {
    expect(connectionProblemOf(new ORPCError('BAD_REQUEST', { status: 400 }))).toBeNull();
  });
  it('ignores a call the page cancelled itself, as when a refetch is superseded', () => {
    expect(connectionProblemOf(new DOMException('The operation was aborted.', 'AbortError'))).toBeNull();
  });
});
