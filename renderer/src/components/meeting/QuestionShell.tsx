// The frame every interview question shares: the question as a legend, the
// answers, and a footer with the save state, who answered and "remove answer".
import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerView } from '#contract/views.ts';
import type { AttributeId } from '#core/profile.ts';
import type { AutosaverSnapshot } from '../../autosaver.ts';
import { savedValueAttr, type AnswerContext, type AnswerMeta, type AnswerValue } from '../../hooks/useAnswer.ts';
import { problemMessage, problemsOf } from '../../problems.ts';
import { SaveStatus } from '../SaveStatus.tsx';
import { AnswerMetaLine } from './AnswerMetaLine.tsx';

/** What the meeting hands each question, whichever kind of answer it takes. */
export interface QuestionProps {
  attribute: AttributeId;
  number: number;
  initial: AnswerView | undefined;
  ctx: AnswerContext;
  readOnly: boolean;
  fieldsetRef: Ref<HTMLFieldSetElement>;
}

interface Props {
  attribute: AttributeId;
  number: number;
  snap: AutosaverSnapshot<AnswerValue>;
  meta: AnswerMeta | null;
  meetingId: string;
  readOnly: boolean;
  hint?: string;
  onClear: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLFieldSetElement>) => void;
  fieldsetRef: Ref<HTMLFieldSetElement>;
  children: ReactNode;
}

export function QuestionShell(p: Props) {
  const { t } = useTranslation();
  const problem = problemsOf(p.snap.error)?.[0];
  const answered = p.snap.value !== null;
  const legendId = `q-${p.attribute}-legend`;
  return (
    <fieldset
      ref={p.fieldsetRef}
      className={`question${answered ? ' answered' : ''}`}
      data-testid={`q-${p.attribute}`}
      data-attribute={p.attribute}
      data-save-state={p.snap.state}
      data-saved-value={savedValueAttr(p.snap.saved)}
      aria-describedby={p.hint ? `q-${p.attribute}-hint` : undefined}
      disabled={p.readOnly}
      onKeyDown={(e) => {
        if (e.key === 'Delete' && !p.readOnly && answered) { e.preventDefault(); p.onClear(); return; }
        p.onKeyDown(e);
      }}
    >
      <legend id={legendId}>
        <span className="q-number" aria-hidden="true">{p.number}</span>
        <span className="q-topic">{t(`profile.${p.attribute}.topic`)}</span>
        <span className="q-text">{t(`profile.${p.attribute}.question`)}</span>
      </legend>
      {p.hint && <p className="hint" id={`q-${p.attribute}-hint`}>{p.hint}</p>}
      {p.children}
      <div className="q-foot">
        <SaveStatus snap={p.snap} />
        <AnswerMetaLine meta={p.meta} meetingId={p.meetingId} />
        {answered && !p.readOnly && (
          // Not a Tab stop, so Tab goes from question to question; the keyboard clears with Delete.
          <button type="button" tabIndex={-1} className="link-button small" onClick={p.onClear} aria-keyshortcuts="Delete">
            {t('meeting.clear')}
          </button>
        )}
      </div>
      {problem && <p className="field-error" role="alert">{problemMessage(t, problem)}</p>}
    </fieldset>
  );
}
