// English texts of the date fields and their calendar.
import type { datesDe } from './dates-de.ts';

export const datesEn: typeof datesDe = {
  pattern: 'DD/MM/YYYY',
  hint: 'As DD/MM/YYYY, for example 24/12/1980.',
  openCalendar: 'Open calendar: {{field}}',
  calendar: 'Choose a date: {{field}}',
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  month: 'Month',
  year: 'Year',
  close: 'Close calendar',
  time: 'Time',
  timePattern: 'HH:MM',
  invalidTime: 'This is not a time. Enter it as HH:MM, for example 14:30.',
};
