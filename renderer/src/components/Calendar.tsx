// The calendar beside a date field: a button that opens a month to pick a day
// from, by mouse or fully by keyboard (arrows move by day and week, Page Up
// and Page Down by month, with Shift by year, Home and End to the week's ends,
// Enter picks, Escape closes and returns to the button). Month and weekday
// names are in the UI's language, whatever the browser's is.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { FIRST_DAY, LAST_DAY } from '#core/dates.ts';
import { addDays, addMonths, calendarStart, monthWeeks, realDay, weekday } from '../dates.ts';
import { todayIso } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import type { Language } from '../i18n/language.ts';

const TAGS: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const FIRST_YEAR = Number(FIRST_DAY.slice(0, 4));
const LAST_YEAR = Number(LAST_DAY.slice(0, 4));
/** 1 January 2024 was a Monday: the week's names start there. */
const A_MONDAY = Date.UTC(2024, 0, 1);

function names(lang: Language) {
  const tag = TAGS[lang];
  const utc = { timeZone: 'UTC' } as const;
  return {
    months: Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(tag, { month: 'long', ...utc }).format(Date.UTC(2024, i, 1))),
    weekdays: Array.from({ length: 7 }, (_, i) => ({
      short: new Intl.DateTimeFormat(tag, { weekday: 'short', ...utc }).format(A_MONDAY + i * 86_400_000),
      long: new Intl.DateTimeFormat(tag, { weekday: 'long', ...utc }).format(A_MONDAY + i * 86_400_000),
    })),
    full: (iso: string) => new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', ...utc }).format(Date.parse(`${iso}T00:00:00Z`)),
  };
}

const clamp = (iso: string) => (iso < FIRST_DAY ? FIRST_DAY : iso > LAST_DAY ? LAST_DAY : iso);

interface Props {
  /** The field's text as typed: the calendar opens on that day if it is one. */
  value: string;
  /** The field's label, so the button and the calendar say which date they are for. */
  field: string;
  onPick: (iso: string) => void;
  disabled?: boolean;
}

export function CalendarButton({ value, field, onPick, disabled }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  return (
    <>
      <button ref={button} type="button" className="calendar-button" aria-label={t('dates.openCalendar', { field })} title={t('dates.openCalendar', { field })}
        aria-haspopup="dialog" aria-expanded={open} disabled={disabled} onClick={() => setOpen(!open)}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M4 6h16v14H4zM4 10h16M8 3v5M16 3v5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && <Month start={calendarStart(value)} selected={realDay(value)} field={field} onPick={(iso) => { onPick(iso); close(true); }} onClose={close} anchor={button} />}
    </>
  );
}

function Month({ start, selected, field, onPick, onClose, anchor }: { start: string; selected: string | null; field: string; onPick: (iso: string) => void; onClose: (refocus: boolean) => void; anchor: RefObject<HTMLButtonElement | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const [focus, setFocus] = useState(clamp(start));
  // Bumped when the keyboard moves the day: only then (and on opening) does the day take the focus,
  // so choosing a month in the list leaves the focus in the list.
  const [focusAsked, setFocusAsked] = useState(0);
  const focused = useRef(focus);
  focused.current = focus;
  const dialog = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const n = names(lang);
  const year = Number(focus.slice(0, 4));
  const month = Number(focus.slice(5, 7));
  const today = todayIso();

  // The day has the focus on opening and after every move by keyboard.
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focused.current}"]`)?.focus();
  }, [focusAsked]);

  // A click elsewhere closes it, leaving the focus where the click put it.
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!dialog.current?.contains(target) && !anchor.current?.contains(target)) onClose(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose, anchor]);

  const move = (iso: string) => { setFocus(clamp(iso)); setFocusAsked((n) => n + 1); };
  const onGridKey = (e: KeyboardEvent) => {
    const steps: Record<string, () => string> = {
      ArrowLeft: () => addDays(focus, -1),
      ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      Home: () => addDays(focus, -weekday(focus)),
      End: () => addDays(focus, 6 - weekday(focus)),
      PageUp: () => addMonths(focus, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focus, e.shiftKey ? 12 : 1),
    };
    const step = steps[e.key];
    if (step) { e.preventDefault(); move(step()); }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onClose(true); }
  };
  const years = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.push(y);

  return (
    <div ref={dialog} className="calendar" role="dialog" aria-modal="false" aria-label={t('dates.calendar', { field })} onKeyDown={onKey} data-testid="calendar">
      <div className="calendar-head">
        <button type="button" className="btn btn-small" aria-label={t('dates.prevMonth')} onClick={() => setFocus(clamp(addMonths(focus, -1)))}>‹</button>
        <select aria-label={t('dates.month')} value={month} onChange={(e) => setFocus(clamp(addMonths(focus, Number(e.target.value) - month)))}>
          {n.months.map((name, i) => <option key={name} value={i + 1}>{name}</option>)}
        </select>
        <select aria-label={t('dates.year')} value={year} onChange={(e) => setFocus(clamp(addMonths(focus, (Number(e.target.value) - year) * 12)))}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
        <button type="button" className="btn btn-small" aria-label={t('dates.nextMonth')} onClick={() => setFocus(clamp(addMonths(focus, 1)))}>›</button>
      </div>
      <p id={headingId} className="sr-only" aria-live="polite">{`${n.months[month - 1]} ${year}`}</p>
      <table ref={grid} role="grid" aria-labelledby={headingId} onKeyDown={onGridKey}>
        <thead>
          <tr>{n.weekdays.map((d) => <th key={d.long} scope="col"><abbr title={d.long}>{d.short}</abbr></th>)}</tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((day, i) => (
                <td key={day ?? `gap-${i}`} aria-selected={day ? day === selected : undefined}>
                  {day && (
                    <button type="button" data-day={day} tabIndex={day === focus ? 0 : -1} aria-label={n.full(day)}
                      aria-current={day === today ? 'date' : undefined} className={day === selected ? 'chosen' : undefined}
                      disabled={day < FIRST_DAY || day > LAST_DAY} onClick={() => onPick(day)}>
                      {Number(day.slice(8))}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link-button small" onClick={() => onClose(true)}>{t('dates.close')}</button>
    </div>
  );
}
