// Digital target groups and the five steps of adopting the assistant app
// (other-models.md): what the client can be reached on, and how far they are.
import { OTHER_TEXTS, STEP_TEXTS, type AdoptionMove, type ChannelStyle } from './adoption-texts.ts';

export const DIGITAL_GROUPS = ['occasional', 'rationalist', 'convinced', 'trendsetter', 'curious', 'pioneer'] as const;
export type DigitalGroup = (typeof DIGITAL_GROUPS)[number];
export const ADOPTION_STEPS = ['awareness', 'information', 'decision', 'first_use', 'regular_use'] as const;
export type AdoptionStep = (typeof ADOPTION_STEPS)[number];

export type { AdoptionMove, ChannelStyle } from './adoption-texts.ts';

const STYLE_OF: Record<DigitalGroup, ChannelStyle> = {
  occasional: 'personal', rationalist: 'facts', convinced: 'hands_on', trendsetter: 'digital', curious: 'digital', pioneer: 'digital',
};

/** The move that takes a client from their step to the next one; unknown step: not yet aware. */
const MOVE_FROM: Record<AdoptionStep | 'none', { move: Exclude<AdoptionMove, 'keep_relevant' | 'respect_refusal' | 'ask_feedback'>; to: AdoptionStep } | null> = {
  none: { move: 'make_aware', to: 'awareness' },
  awareness: { move: 'inform', to: 'information' },
  information: { move: 'decide', to: 'decision' },
  decision: { move: 'first_use', to: 'first_use' },
  first_use: { move: 'regular_use', to: 'regular_use' },
  regular_use: null,
};

export interface AdoptionAction {
  /** Stable, for tests and for counting which suggestions work: "<move>" or "<move>.<channel style>". */
  code: string;
  move: AdoptionMove;
  /** The step the action aims for; null when nothing is to be pushed. */
  moveTo: AdoptionStep | null;
  de: string;
  en: string;
}

/**
 * The one action that most likely moves the client up one adoption step,
 * through channels their target group uses. A client who refuses an
 * assistant is not pushed (information only when they ask), nor is one who
 * switched it off; an unknown target group is reached in person, which
 * assumes nothing.
 */
export function nextAdoptionAction(group: DigitalGroup | null, step: AdoptionStep | null, assistantApp?: string | null): AdoptionAction {
  if (assistantApp === 'refuses') return { code: 'respect_refusal', move: 'respect_refusal', moveTo: null, ...OTHER_TEXTS.respect_refusal };
  if (assistantApp === 'switched_off') return { code: 'ask_feedback', move: 'ask_feedback', moveTo: null, ...OTHER_TEXTS.ask_feedback };
  const next = MOVE_FROM[step ?? 'none'];
  if (!next) return { code: 'keep_relevant', move: 'keep_relevant', moveTo: null, ...OTHER_TEXTS.keep_relevant };
  const style = group ? STYLE_OF[group] : 'personal';
  return { code: `${next.move}.${style}`, move: next.move, moveTo: next.to, ...STEP_TEXTS[next.move][style] };
}
