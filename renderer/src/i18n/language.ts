// The languages of the UI. Apart from i18n/index.ts, which needs the DOM, so
// that plain helpers (format.ts) and their Node tests can name them.
export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];
