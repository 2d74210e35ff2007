// The words for a price deviation's reason, one set for the retailer's app
// and the manufacturer's console, so both name a reason alike.
import type { PriceReason } from '#core/retail/price.ts';
import type { Language } from './language.ts';

export const PRICE_REASON_WORDS: Record<Language, Record<PriceReason, string>> = {
  de: { client_value: 'Wert für den Kunden', competition: 'Angebot der Konkurrenz', loyalty: 'Treue des Kunden', bundle: 'Zusammen mit anderem gekauft', other: 'Sonstiges' },
  en: { client_value: 'Value to the client', competition: 'A competitor’s offer', loyalty: 'Client loyalty', bundle: 'Bought with other items', other: 'Other' },
};
