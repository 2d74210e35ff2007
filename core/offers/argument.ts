// The benefit argument for one offer, in the style the segment buys in
// (offers.md): price-performance for the Economy area, identity for the
// Premium area (never a price or a list of features), convenience for those
// who hand the search to an assistant or a coach, and a light choice between
// variants for a passive co-buyer at the counter. Without a segment the text
// states facts only: name, price, area, nothing inferred about the client.
import type { LifeEvent } from '../profile.ts';
import type { Product } from '../manufacturer.ts';
import { SEGMENT_AREA, type Language } from '../segments/index.ts';
import type { Bundle, CompiledCatalogue } from './catalogue.ts';
import type { ClientView } from './client.ts';
import type { ArgumentStyle } from './types.ts';
import { areaName, identityWords, list, occasion, price, priceSum } from './words.ts';

export function argumentStyle(c: ClientView): ArgumentStyle {
  const s = c.segment;
  if (!s) return 'price_performance';
  if (SEGMENT_AREA[s] === 'premium') return 'identity';
  if (s === 'convenient_non_searcher' || s === 'responsibility_delegator') return 'convenience';
  if (s === 'passive_co_buyer' && c.durableGood) return 'add_on_choice';
  return 'price_performance';
}

export type Subject = {
  name: string; items: readonly Product[]; bundle: Bundle | null;
  /** The life event that makes the offer timely, if one just happened. */
  event: LifeEvent | null;
  withinMandate: boolean;
};

type Ctx = { s: Subject; c: ClientView; cat: CompiledCatalogue; lang: Language };

const de = (x: Ctx) => x.lang === 'de';
const cost = ({ s, cat, lang }: Ctx) => priceSum(s.items.map((p) => p.price), cat.currency, lang);
const when = (x: Ctx) => (x.s.event ? ` ${occasion(x.s.event, x.lang)}` : '');
const itemNames = ({ s, lang }: Ctx) => list(s.items.map((p) => p.name[lang]), lang);
const baseName = ({ s, cat, lang }: Ctx) => cat.byId.get(s.items[0]!.requires ?? '')?.name[lang] ?? '';

function neutral(x: Ctx): string {
  const p = x.s.items[0]!;
  if (x.s.bundle) return de(x) ? `${x.s.name}: ${itemNames(x)}, zusammen ${cost(x)}.` : `${x.s.name}: ${itemNames(x)}, together ${cost(x)}.`;
  const area = areaName(p.area, x.lang);
  if (p.kind === 'module') return de(x) ? `${x.s.name}: Baustein zu ${baseName(x)}, ${cost(x)}.` : `${x.s.name}: add-on to ${baseName(x)}, ${cost(x)}.`;
  if (p.kind === 'temporary') return de(x) ? `${x.s.name}: befristeter Schutz im Bereich ${area}, ${cost(x)}.` : `${x.s.name}: temporary ${area} cover, ${cost(x)}.`;
  if (p.kind === 'partner_service') return de(x) ? `${x.s.name}: Leistung von ${p.partner}, ${cost(x)}.` : `${x.s.name}: a service by ${p.partner}, ${cost(x)}.`;
  return de(x) ? `${x.s.name}: Basisprodukt im Bereich ${area}, ${cost(x)}.` : `${x.s.name}: basic ${area} cover, ${cost(x)}.`;
}

function pricePerformance(x: Ctx): string {
  const p = x.s.items[0]!;
  if (x.s.bundle) return de(x) ? `${x.s.name}${when(x)}: ${itemNames(x)} zusammen für ${cost(x)}; jeder Teil hat seinen eigenen, offen ausgewiesenen Preis.` : `${x.s.name}${when(x)}: ${itemNames(x)} together for ${cost(x)}; each part has its own price, shown openly.`;
  // The base product's name in quotes: German would otherwise need its gender ("Ihre", "Ihren").
  if (p.kind === 'module') return de(x) ? `${x.s.name} ergänzt Ihren Vertrag „${baseName(x)}“ für ${cost(x)}: Sie zahlen nur für den Baustein, den Sie wählen.` : `${x.s.name} adds to your ${baseName(x)} for ${cost(x)}: you pay only for the add-on you choose.`;
  if (p.kind === 'temporary') return de(x) ? `${x.s.name}${when(x)}: Schutz für ${cost(x)}, nur so lange, wie Sie ihn brauchen.` : `${x.s.name}${when(x)}: cover at ${cost(x)}, only for as long as you need it.`;
  const later = x.cat.hasModules.has(p.id) ? (de(x) ? '; Bausteine können Sie später ergänzen' : '; add modules later if you need them') : '';
  return de(x) ? `${x.s.name}${when(x)}: ein klares Angebot für ${cost(x)}, Punkt für Punkt vergleichbar${later}.` : `${x.s.name}${when(x)}: a clear offer at ${cost(x)} that you can compare point by point${later}.`;
}

function identity(x: Ctx): string {
  const p = x.s.items[0]!;
  const words = p.identity?.length && !x.s.bundle ? identityWords(p.identity, x.lang) : null;
  if (x.c.segment === 'entrepreneurial_identity_seeker' && p.white_label && !x.s.bundle) {
    return de(x) ? `${x.s.name}: Wenn Sie über Ihren Verein abschließen, unterstützen Sie ihn direkt – der Vertrag läuft unter seinem Namen.` : `${x.s.name}: taking it out through your club supports the club directly – it is sold under the club’s own name.`;
  }
  if (words && x.c.segment === 'community_identity_seeker') {
    return de(x) ? `${x.s.name}: ausgesucht mit einem Händler, der ${words} lebt wie Sie – ehrlich passend zu Ihrem Alltag.` : `${x.s.name}: chosen with a retailer who lives ${words} as you do – an honest fit for your everyday life.`;
  }
  if (words) return de(x) ? `${x.s.name} steht für ${words}: eine Entscheidung, die zeigt, was Ihnen wichtig ist.` : `${x.s.name} stands for ${words}: a choice that shows what matters to you.`;
  return de(x) ? `${x.s.name}${when(x)}: Schutz, der zu dem Leben passt, das Sie gewählt haben.` : `${x.s.name}${when(x)}: protection that fits the life you have chosen.`;
}

function convenience(x: Ctx): string {
  const coach = x.c.segment === 'responsibility_delegator';
  // A complex product always needs the client's own decision: no "one tap" promise for it.
  const complex = x.s.items.some((p) => p.complexity === 'complex');
  const adapts = !x.s.bundle && x.s.items[0]!.adaptive;
  const mandate = x.s.withinMandate ? (de(x) ? ', im Rahmen Ihrer Vollmacht' : ', within your mandate') : '';
  if (de(x)) {
    const who = complex ? (coach ? 'Ihr Coach bespricht alles einmal mit Ihnen' : 'ein Gespräch klärt alles')
      : `${coach ? 'Ihr Coach erledigt den Rest' : 'ein Ja genügt'}${mandate}`;
    // After the colon a whole sentence follows, so it starts with a capital ("Ihr" has one anyway).
    const sentence = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
    if (x.s.bundle) return `${x.s.name}${when(x)}: ${itemNames(x)} in einem Schritt geregelt, zusammen für ${cost(x)}. ${sentence(who)}.`;
    const lead = adapts ? `Der Schutz passt sich von selbst Ihrer Lage an, und ${who}` : sentence(who);
    return `${x.s.name}${when(x)}, ${cost(x)}: ${lead}.`;
  }
  const who = complex ? (coach ? 'your coach goes through it with you once' : 'one conversation settles it')
    : `${coach ? 'your coach takes care of the rest' : 'one yes is all it takes'}${mandate}`;
  if (x.s.bundle) return `${x.s.name}${when(x)}: ${itemNames(x)}, arranged in one go for ${cost(x)}; ${who}.`;
  return `${x.s.name}${when(x)}, ${cost(x)}: ${adapts ? 'it adjusts itself as your situation changes, and ' : ''}${who}.`;
}

const COUNT: Record<Language, string[]> = { en: ['', 'one', 'two', 'three', 'four', 'five'], de: ['', 'einer', 'zwei', 'drei', 'vier', 'fünf'] };

function addOnChoice(x: Ctx): string {
  const p = x.s.items[0]!;
  const vs = p.variants ?? [];
  if (x.s.bundle || vs.length === 0) return pricePerformance(x);
  const n = COUNT[x.lang][vs.length] ?? String(vs.length);
  const options = vs.map((v) => `${v.id} ${v.name[x.lang]} (${price(v.price.amount, v.price.period, x.cat.currency, x.lang)})`).join(', ');
  if (de(x)) return `Passend zu Ihrem Kauf gibt es ${x.s.name} in ${n} ${vs.length === 1 ? 'Variante' : 'Varianten'}: ${options}. Wählen Sie, was zu Ihnen passt, oder keine davon.`;
  return `To go with your purchase, ${x.s.name} comes in ${n} ${vs.length === 1 ? 'variant' : 'variants'}: ${options}. Choose the one that suits you, or none at all.`;
}

const BY_STYLE: Record<ArgumentStyle, (x: Ctx) => string> = {
  price_performance: pricePerformance, identity, convenience, add_on_choice: addOnChoice,
};

export function argumentText(style: ArgumentStyle, s: Subject, c: ClientView, cat: CompiledCatalogue, lang: Language): string {
  const x = { s, c, cat, lang };
  return c.segment ? BY_STYLE[style](x) : neutral(x);
}
