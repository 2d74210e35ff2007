// The languages of the UI. Apart from i18n/index.ts, which needs the DOM, so
// that plain helpers (format.ts) and their Node tests can name them.
import type { Language } from '#core/language.ts';

export type { Language };
export const LANGUAGES: readonly Language[] = ['de', 'en'];
