// NPS and CES as the book's trend computes them (core/satisfaction.ts).
import { describe, expect, it } from 'vitest';
import { cesOf, feedbackRecordSchema, monthsUpTo, npsOf, trendByGroup } from '#core/satisfaction.ts';

describe('scores', () => {
  it('NPS: promoters (9-10) less detractors (0-6), in points; passives (7-8) count only in the total', () => {
    expect(npsOf([10, 9, 8, 7, 6, 0])).toBe(0);
    expect(npsOf([10, 10, 9, 7])).toBe(75);
    expect(npsOf([3, 5, 6])).toBe(-100);
    expect(npsOf([8, 7])).toBe(0);
    expect(npsOf([])).toBeNull();
  });

  it('CES: the mean to one decimal', () => {
    expect(cesOf([7, 6, 6])).toBe(6.3);
    expect(cesOf([])).toBeNull();
  });
});

describe('the trend', () => {
  it('counts each answer in its group and month, oldest month first, and leaves out answers outside the months', () => {
    const months = monthsUpTo(Date.UTC(2026, 11, 4), 3);
    expect(months).toEqual(['2026-10', '2026-11', '2026-12']);
    const at = (m: number, d = 10) => Date.UTC(2026, m, d);
    const trend = trendByGroup([
      { at: at(9), nps: 10, ces: 6, group: 'eco' },
      { at: at(9, 20), nps: 5, ces: null, group: 'eco' },
      { at: at(11), nps: 9, ces: 7, group: 'eco' },
      { at: at(11), nps: null, ces: 3, group: null },
      { at: at(5), nps: 0, ces: 1, group: 'eco' },
    ], months);
    expect(trend).toEqual([
      { group: 'eco', points: [
        { month: '2026-10', responses: 2, nps: 0, ces: 6 },
        { month: '2026-11', responses: 0, nps: null, ces: null },
        { month: '2026-12', responses: 1, nps: 100, ces: 7 },
      ] },
      { group: null, points: [
        { month: '2026-10', responses: 0, nps: null, ces: null },
        { month: '2026-11', responses: 0, nps: null, ces: null },
        { month: '2026-12', responses: 1, nps: null, ces: 3 },
      ] },
    ]);
  });
});

describe('an answer', () => {
  const base = { id: '01890000-0000-7000-8000-000000000001', clientId: '01890000-0000-7000-8000-000000000002', about: 'purchase' };
  it('takes either score or both, each in its range', () => {
    expect(feedbackRecordSchema.safeParse({ ...base, nps: 10, ces: null }).success).toBe(true);
    expect(feedbackRecordSchema.safeParse({ ...base, nps: null, ces: 1 }).success).toBe(true);
    const issues = (input: object) => feedbackRecordSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues({ ...base, nps: null, ces: null })).toEqual(['nps:required']);
    expect(issues({ ...base, nps: 11, ces: 0 })).toEqual(['nps:out_of_range', 'ces:out_of_range']);
    expect(issues({ ...base, about: 'meeting', nps: 5, ces: 5 })).toEqual(['about:unknown_value']);
  });
});
