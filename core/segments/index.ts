// The segment engine's public face: rank a profile against a rule set.
export { SEGMENT_AREA, SEGMENT_IDS, SEGMENT_NAMES, isSegmentId, type Language, type SegmentArea, type SegmentId, type Text } from './ids.ts';
export { profileClauses, RuleSetSchema, type Approach, type Clauses, type RuleSet } from './schema.ts';
export { RULESET_V1 } from './ruleset.v1.ts';
export { answersMeeting, compileRuleSet, type Reason } from './compile.ts';
export { MIN_LEAD, rankSegments, scoreSegments, settledSegment, type RankedSegment, type RankOptions, type SegmentResult } from './engine.ts';
export { validateProfileInput, type ProfileCheck } from './input.ts';
export { ANSWER_PHRASES } from './phrases.ts';
