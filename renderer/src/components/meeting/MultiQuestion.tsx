// A question with several answers: checkboxes with one Tab stop for the group
// (arrow keys move, Space ticks), digits tick directly, and an explicit
// "none of these" so "nothing changed" differs from "not asked yet".
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILE_ATTRIBUTES } from '#core/profile.ts';
import { useAnswer } from '../../hooks/useAnswer.ts';
import { optionIndexOfKey, optionKeyLabel } from './keys.ts';
import { QuestionShell, type QuestionProps } from './QuestionShell.tsx';

const MOVES: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

export function MultiQuestion({ attribute, number, initial, ctx, readOnly, fieldsetRef }: QuestionProps) {
  const { t } = useTranslation();
  const { snap, saver, meta } = useAnswer(attribute, initial, ctx);
  const options: readonly string[] = PROFILE_ATTRIBUTES[attribute];
  const [focusIndex, setFocusIndex] = useState(0);
  const chosen = Array.isArray(snap.value) ? snap.value : [];
  const none = Array.isArray(snap.value) && snap.value.length === 0;

  const toggle = (value: string, on: boolean) => {
    // Read the newest value, not the last render's: two quick key presses must both count.
    const now = saver.snapshot().value;
    const current = Array.isArray(now) ? now : [];
    const next = on ? [...current.filter((v) => v !== value), value] : current.filter((v) => v !== value);
    // Unticking the last one means "not answered", not "none of these": that has its own box.
    saver.set(next.length ? next : null, true);
  };
  const focusOption = (root: HTMLElement, index: number) => {
    setFocusIndex(index);
    root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[index]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    if (readOnly) return;
    const index = optionIndexOfKey(e);
    if (index !== null && options[index] !== undefined) {
      e.preventDefault();
      const now = saver.snapshot().value;
      toggle(options[index], !(Array.isArray(now) && now.includes(options[index])));
      focusOption(e.currentTarget, index);
      return;
    }
    const move = MOVES[e.key];
    if (move !== undefined && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const count = options.length + 1;
      focusOption(e.currentTarget, (focusIndex + move + count) % count);
    }
  };

  return (
    <QuestionShell attribute={attribute} number={number} snap={snap} meta={meta} meetingId={ctx.meetingId}
      readOnly={readOnly} hint={t('meeting.multiHint')} onClear={() => saver.set(null, true)} onKeyDown={onKeyDown} fieldsetRef={fieldsetRef}>
      <div className="options">
        {options.map((value, i) => (
          <label key={value} className={`option${chosen.includes(value) ? ' chosen' : ''}`}>
            <input type="checkbox" value={value} checked={chosen.includes(value)} tabIndex={i === focusIndex ? 0 : -1}
              onFocus={() => setFocusIndex(i)} onChange={(e) => toggle(value, e.target.checked)} />
            <span className="opt-key" aria-hidden="true">{optionKeyLabel(i)}</span>
            <span className="opt-text">{t(`profile.${attribute}.options.${value}`)}</span>
          </label>
        ))}
        <label className={`option option-none${none ? ' chosen' : ''}`}>
          <input type="checkbox" checked={none} tabIndex={focusIndex === options.length ? 0 : -1}
            onFocus={() => setFocusIndex(options.length)} onChange={(e) => saver.set(e.target.checked ? [] : null, true)} />
          <span className="opt-key" aria-hidden="true" />
          <span className="opt-text">{t('meeting.noneOfThese')}</span>
        </label>
      </div>
    </QuestionShell>
  );
}
