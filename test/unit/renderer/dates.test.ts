// Days typed in the UI's language become the core's YYYY-MM-DD, and back.
import { describe, expect, it } from 'vitest';
import { addMonths, calendarStart, dayForCore, dayText, isWholeDay, momentOf, monthWeeks, parseDay, parseTime } from '../../../renderer/src/dates.ts';

describe('a typed day', () => {
  it.each([
    ['24.12.1980', '1980-12-24'], ['1.2.2025', '2025-02-01'], [' 01.02.2025 ', '2025-02-01'],
    ['24/12/1980', '1980-12-24'], ['1980-12-24', '1980-12-24'],
    // The shape is enough here; the core refuses a day that does not exist, with its message.
    ['30.02.2025', '2025-02-30'],
  ])('"%s" is %s', (text, iso) => expect(parseDay(text)).toBe(iso));

  it.each(['24.12.80', '12/24', 'Dezember 1980', '24-12-1980', '1980-2-4', '', '24.12.1980x'])('"%s" is not guessed at', (text) => {
    expect(parseDay(text)).toBeNull();
  });

  it('is sent as the day, as typed when it is none, and empty as empty', () => {
    expect(dayForCore('3.4.2025')).toBe('2025-04-03');
    expect(dayForCore('morgen')).toBe('morgen');
    expect(dayForCore('  ')).toBe('');
    expect(isWholeDay('24.12.')).toBe(false);
    expect(isWholeDay('24.12.1980')).toBe(true);
  });

  it('is shown in the language’s format', () => {
    expect(dayText('1980-12-24', 'de')).toBe('24.12.1980');
    expect(dayText('1980-12-24', 'en')).toBe('24/12/1980');
    expect(dayText(null, 'de')).toBe('');
  });
});

describe('the calendar', () => {
  it('lays out a month from Monday', () => {
    const weeks = monthWeeks(2025, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, '2025-02-01', '2025-02-02']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
  });

  it('moves by months without skipping a short one', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  it('opens on the typed day if it exists, otherwise today', () => {
    const now = new Date(2025, 5, 9);
    expect(calendarStart('24.12.1980', now)).toBe('1980-12-24');
    expect(calendarStart('30.02.2025', now)).toBe('2025-06-09');
    expect(calendarStart('', now)).toBe('2025-06-09');
  });
});

describe('a time of day', () => {
  it('reads 24-hour times and refuses others', () => {
    expect(parseTime('9:05')).toBe(545);
    expect(parseTime('14.30')).toBe(870);
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('2pm')).toBeNull();
  });

  it('makes a moment of a real day only', () => {
    expect(new Date(momentOf('24.12.2024', '18:30')).getHours()).toBe(18);
    expect(momentOf('30.02.2025', '10:00')).toBeNaN();
    expect(momentOf('24.12.2024', '25:00')).toBeNaN();
  });
});
