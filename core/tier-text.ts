// What a client still needs for the next value tier, in one line the advisor
// can say out loud: "+320 € Jahresbeitrag, 1 weiterer Produktbereich".
import type { TierGap } from './tiers.ts';

import type { Language } from './language.ts';


const TAGS: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** Whole euros, rounded up: "+319,50 €" would be more exact and less useful. */
function euros(cents: number, lang: Language): string {
  return new Intl.NumberFormat(TAGS[lang], { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 })
    .format(Math.ceil(cents / 100));
}

function day(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

function years(n: number, lang: Language): string {
  return new Intl.NumberFormat(TAGS[lang], { maximumFractionDigits: 1 }).format(n);
}

export function gapPhrase(g: TierGap, lang: Language): string {
  const de = lang === 'de';
  switch (g.criterion) {
    case 'min_yearly_premium':
      return de ? `+${euros(g.missing, lang)} Jahresbeitrag` : `+${euros(g.missing, lang)} yearly premium`;
    case 'min_product_areas':
      if (de) return g.missing === 1 ? '1 weiterer Produktbereich' : `${g.missing} weitere Produktbereiche`;
      return g.missing === 1 ? '1 more product area' : `${g.missing} more product areas`;
    case 'min_years': {
      const span = de ? `${years(g.threshold, lang)} ${g.threshold === 1 ? 'Jahr' : 'Jahre'} Kundenbeziehung` : `${years(g.threshold, lang)} ${g.threshold === 1 ? 'year' : 'years'} as a client`;
      if (!g.reachedOn) return span;
      return de ? `${span} (ab ${day(g.reachedOn, lang)})` : `${span} (from ${day(g.reachedOn, lang)})`;
    }
    case 'min_profile_completeness':
      if (de) return g.missing === 1 ? '1 weitere Antwort im Profil' : `${g.missing} weitere Antworten im Profil`;
      return g.missing === 1 ? '1 more profile answer' : `${g.missing} more profile answers`;
  }
}

/** All gaps in one line, in the order the manufacturer's criteria are listed. */
export function gapText(gaps: readonly TierGap[], lang: Language): string {
  return gaps.map((g) => gapPhrase(g, lang)).join(', ');
}
