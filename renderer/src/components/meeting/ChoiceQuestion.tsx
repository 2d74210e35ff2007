// A question with one answer: a native radio group, so Tab reaches it once and
// the arrow keys move within it; digits pick an answer directly.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILE_ATTRIBUTES } from '#core/profile.ts';
import { useAnswer } from '../../hooks/useAnswer.ts';
import { optionIndexOfKey, optionKeyLabel } from './keys.ts';
import { QuestionShell, type QuestionProps } from './QuestionShell.tsx';

export function ChoiceQuestion({ attribute, number, initial, ctx, readOnly, fieldsetRef }: QuestionProps) {
  const { t } = useTranslation();
  const { snap, saver, meta } = useAnswer(attribute, initial, ctx);
  const options: readonly string[] = PROFILE_ATTRIBUTES[attribute];
  const name = `answer-${attribute}`;

  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    const index = optionIndexOfKey(e);
    if (index === null || readOnly) return;
    const value = options[index];
    if (value === undefined) return;
    e.preventDefault();
    saver.set(value, true);
    e.currentTarget.querySelector<HTMLInputElement>(`input[value="${value}"]`)?.focus();
  };

  return (
    <QuestionShell attribute={attribute} number={number} snap={snap} meta={meta} meetingId={ctx.meetingId}
      readOnly={readOnly} onClear={() => saver.set(null, true)} onKeyDown={onKeyDown} fieldsetRef={fieldsetRef}>
      <div className="options">
        {options.map((value, i) => (
          <label key={value} className={`option${snap.value === value ? ' chosen' : ''}`}>
            <input type="radio" name={name} value={value} checked={snap.value === value} onChange={() => saver.set(value, true)} />
            <span className="opt-key" aria-hidden="true">{optionKeyLabel(i)}</span>
            <span className="opt-text">{t(`profile.${attribute}.options.${value}`)}</span>
          </label>
        ))}
      </div>
    </QuestionShell>
  );
}
