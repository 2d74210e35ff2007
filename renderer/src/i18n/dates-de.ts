// German texts of the date fields and their calendar. dates-en.ts has the same keys.
export const datesDe = {
  pattern: 'TT.MM.JJJJ',
  hint: 'Als TT.MM.JJJJ, zum Beispiel 24.12.1980.',
  openCalendar: 'Kalender öffnen: {{field}}',
  calendar: 'Datum wählen: {{field}}',
  prevMonth: 'Voriger Monat',
  nextMonth: 'Nächster Monat',
  month: 'Monat',
  year: 'Jahr',
  close: 'Kalender schließen',
  time: 'Uhrzeit',
  timePattern: 'HH:MM',
  invalidTime: 'Das ist keine Uhrzeit. Bitte als HH:MM eingeben, zum Beispiel 14:30.',
};
