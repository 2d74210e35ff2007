// The shape every language must give the interview: one question per profile
// attribute and one answer per allowed value, so nothing can be left out.
import type { AttributeId, AttributeValue } from '#core/profile.ts';

export type InterviewTexts = {
  [A in AttributeId]: {
    /** A short name for the topic, for progress and summaries. */
    topic: string;
    /** The question as the advisor would put it to the client. */
    question: string;
    options: Record<AttributeValue<A>, string>;
  };
};
