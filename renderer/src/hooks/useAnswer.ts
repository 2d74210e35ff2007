// One interview answer: saved the moment it changes, with who gave it and when.
import { useEffect, useState } from 'react';
import type { AnswerView } from '#contract/views.ts';
import { PROFILE_ATTRIBUTES, type AnswerSource, type AttributeId } from '#core/profile.ts';
import type { Autosaver, AutosaverSnapshot, Flushable } from '../autosaver.ts';
import { client } from '../rpc.ts';
import { useAutosave } from './useAutosave.ts';

export type AnswerValue = string | string[] | null;

export interface AnswerMeta { by: string; at: number; meetingId: string | null }

export interface AnswerContext {
  clientId: string;
  meetingId: string;
  answeredBy: AnswerSource;
  /** Tells the meeting this question's answer as it stands on screen (null: none), for progress and the live segment hint. */
  onAnswered: (attribute: AttributeId, value: AnswerValue) => void;
  /** Lets the meeting wait for every pending save before it ends. */
  register: (key: string, saver: Flushable) => void;
}

/** A set of values in the order profile.md lists them, so equal sets compare equal. */
function canonical(attribute: AttributeId, value: AnswerValue): AnswerValue {
  if (!Array.isArray(value)) return value;
  const allowed: readonly string[] = PROFILE_ATTRIBUTES[attribute];
  return allowed.filter((a) => value.includes(a));
}

function same(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.join(',') === b.join(',');
  return a === b;
}

export function isAnswered(value: AnswerValue): boolean {
  return value !== null;
}

export function useAnswer(attribute: AttributeId, initial: AnswerView | undefined, ctx: AnswerContext) {
  const [meta, setMeta] = useState<AnswerMeta | null>(
    initial && initial.value !== null ? { by: initial.answeredBy, at: initial.answeredAt, meetingId: initial.meetingId } : null,
  );
  const [snap, saver] = useAutosave<AnswerValue>(initial?.value ?? null, {
    normalize: (v) => canonical(attribute, v),
    equals: same,
    debounceMs: 0,
    save: async (value) => {
      const saved = await client.answers.set({
        clientId: ctx.clientId, meetingId: ctx.meetingId, attribute, value, answeredBy: ctx.answeredBy,
      });
      setMeta(value === null ? null : { by: ctx.answeredBy, at: saved.savedAt, meetingId: ctx.meetingId });
      return saved;
    },
  });
  ctx.register(`q:${attribute}`, saver);
  const { onAnswered } = ctx;
  useEffect(() => onAnswered(attribute, snap.value), [attribute, onAnswered, snap.value]);
  return { snap, saver, meta } as { snap: AutosaverSnapshot<AnswerValue>; saver: Autosaver<AnswerValue>; meta: AnswerMeta | null };
}

/** What data-saved-value shows: the acknowledged value, a set joined by commas. */
export function savedValueAttr(value: AnswerValue): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}
