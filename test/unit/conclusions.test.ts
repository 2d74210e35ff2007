// Which conclusion is in force, and when a rule result is worth keeping.
import { describe, expect, it } from 'vitest';
import { effectiveSegment, isNewConclusion, type Conclusion } from '#core/conclusions.ts';

let n = 0;
const c = (value: string, source: 'rule' | 'advisor', status: Conclusion['status'] = 'unconfirmed', kind: Conclusion['kind'] = 'segment'): Conclusion =>
  ({ id: String(++n), kind, value, source, status, decidedAt: n, ruleSetVersion: source === 'rule' ? 'segments.v1' : null, reason: source === 'advisor' ? 'kennt sie' : null });

describe('the segment in force', () => {
  it('is nothing before anything was concluded', () => expect(effectiveSegment([])).toBeNull());
  it('is the newest rule conclusion', () => expect(effectiveSegment([c('social_media_user', 'rule'), c('convenient_non_searcher', 'rule')])?.segment).toBe('convenient_non_searcher'));
  it('is the advisor’s override, even when the rules concluded something later', () => {
    expect(effectiveSegment([c('passive_co_buyer', 'advisor'), c('social_media_user', 'rule')])?.segment).toBe('passive_co_buyer');
  });
  it('is nothing when the client rejected it, override or not', () => {
    expect(effectiveSegment([c('social_media_user', 'rule', 'rejected')])).toBeNull();
    expect(effectiveSegment([c('social_media_user', 'rule'), c('passive_co_buyer', 'advisor', 'rejected')])).toBeNull();
  });
  it('a later override replaces a rejected one', () => {
    expect(effectiveSegment([c('passive_co_buyer', 'advisor', 'rejected'), c('brand_identity_seeker', 'advisor')])?.segment).toBe('brand_identity_seeker');
  });
  it('ignores other kinds', () => expect(effectiveSegment([c('A', 'rule', 'unconfirmed', 'value_tier')])).toBeNull());
});

describe('a rule result is kept as a new conclusion', () => {
  it('the first time', () => expect(isNewConclusion([], 'segment', 'social_media_user')).toBe(true));
  it('not when it repeats the newest rule conclusion', () => expect(isNewConclusion([c('social_media_user', 'rule')], 'segment', 'social_media_user')).toBe(false));
  it('when it changes', () => expect(isNewConclusion([c('social_media_user', 'rule')], 'segment', 'cautious_self_searcher')).toBe(true));
  it('not when the client rejected that value before', () => {
    expect(isNewConclusion([c('social_media_user', 'rule', 'rejected'), c('cautious_self_searcher', 'rule')], 'segment', 'social_media_user')).toBe(false);
  });
  it('per kind: a value tier does not block a segment', () => expect(isNewConclusion([c('A', 'rule', 'unconfirmed', 'value_tier')], 'segment', 'A')).toBe(true));
});
