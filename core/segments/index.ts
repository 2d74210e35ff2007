// The segment engine's public face: rank a profile against a rule set.
export { SEGMENT_AREA, SEGMENT_IDS, SEGMENT_NAMES, isSegmentId, type Lang, type SegmentArea, type SegmentId, type Text } from './ids.ts';
export { RuleSetSchema, type Approach, type RuleSet } from './schema.ts';
export { RULESET_V1 } from './ruleset.v1.ts';
export { compileRuleSet, type Reason } from './compile.ts';
export { rankSegments, scoreSegments, type RankedSegment, type RankOptions, type SegmentResult } from './engine.ts';
export { validateProfileInput, type ProfileCheck } from './input.ts';
export { ANSWER_PHRASES } from './phrases.ts';
