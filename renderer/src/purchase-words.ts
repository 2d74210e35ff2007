// What the purchase dialog offers and says, apart from the screen: which
// products a coach may pick under a mandate, what their choice stands for
// (a bundle's products, per-day items, complex ones), a price with its period,
// and the decision of purchases.check in words with its figures. The decision
// itself comes from the core (the same the store and the backend make); this
// only says it. Pure, for Node tests.
import type { TFunction } from 'i18next';
import type { FieldProblem } from '#core/errors.ts';
import type { CatalogueDocument, Product } from '#core/manufacturer.ts';
import type { PurchaseCheckView } from '#contract/coach.ts';
import { formatCents, formatIsoDate } from './format.ts';
import type { Language } from './i18n/language.ts';
import { errorMessage, problemMessage, problemsOf } from './problems.ts';

export type PurchaseCheck = PurchaseCheckView;

/** One thing the coach can tick: a bundle or a product, with one period's price. */
export interface Choice { id: string; name: string; priceCents: number; period: string | null; complex: boolean }

const cents = (amount: number) => Math.round(amount * 100);

/** The products a list of chosen ids stands for, each once (a bundle for its products), in the catalogue's terms. */
export function productsOf(ids: readonly string[], catalogue: CatalogueDocument): Product[] {
  const byId = new Map(catalogue.products.map((p) => [p.id, p]));
  const out = new Map<string, Product>();
  for (const id of ids) {
    const bundle = byId.has(id) ? undefined : catalogue.bundles.find((b) => b.id === id);
    for (const item of bundle ? bundle.items : [id]) {
      const p = byId.get(item);
      if (p) out.set(p.id, p);
    }
  }
  return [...out.values()];
}

/** A bundle's or product's price for one period; a bundle's period only when all its products share one. */
export function choiceOf(id: string, catalogue: CatalogueDocument, lang: Language): Choice | null {
  const product = catalogue.products.find((p) => p.id === id);
  if (product) return { id, name: product.name[lang], priceCents: cents(product.price.amount), period: product.price.period, complex: product.complexity === 'complex' };
  const bundle = catalogue.bundles.find((b) => b.id === id);
  if (!bundle) return null;
  const items = productsOf([id], catalogue);
  if (items.length === 0) return null;
  const periods = new Set(items.map((p) => p.price.period));
  return {
    id, name: bundle.name[lang], priceCents: items.reduce((s, p) => s + cents(p.price.amount), 0),
    period: periods.size === 1 ? [...periods][0]! : null, complex: items.some((p) => p.complexity === 'complex'),
  };
}

/**
 * What the dialog lists: first what the alert offered (bundle or product, in
 * its order), then the bundles and every other product of the mandate's areas
 * that is sold on its own (a module needs its base product, so it is not
 * bought by itself), bundles first.
 */
export function choicesFor(input: { offered: readonly string[]; areas: readonly string[]; catalogue: CatalogueDocument; lang: Language }): { fromAlert: Choice[]; fromAreas: Choice[] } {
  const { offered, areas, catalogue, lang } = input;
  const fromAlert = offered.map((id) => choiceOf(id, catalogue, lang)).filter((c): c is Choice => c !== null);
  const listed = new Set(fromAlert.map((c) => c.id));
  const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name, lang);
  const bundles = catalogue.bundles
    .filter((b) => !listed.has(b.id) && b.items.length > 0 && productsOf([b.id], catalogue).every((p) => areas.includes(p.area)))
    .map((b) => choiceOf(b.id, catalogue, lang)).filter((c): c is Choice => c !== null).sort(byName);
  const products = catalogue.products
    .filter((p) => areas.includes(p.area) && p.kind !== 'module' && !listed.has(p.id))
    .map((p) => choiceOf(p.id, catalogue, lang)!).sort(byName);
  return { fromAlert, fromAreas: [...bundles, ...products] };
}

/** "34,00 € einmalig", "9,00 € pro Tag", or the amount alone when the period is mixed. */
export function priceWords(t: TFunction, lang: Language, priceCents: number, period: string | null): string {
  return t(`coach.price.${period ?? 'plain'}`, { amount: formatCents(priceCents, lang), defaultValue: formatCents(priceCents, lang) });
}

/** Whether the chosen items need a number of days (an item priced per day). */
export function needsDays(ids: readonly string[], catalogue: CatalogueDocument): boolean {
  return productsOf(ids, catalogue).some((p) => p.price.period === 'day');
}

/** Whether the chosen items hold a complex product (the client's single consent is asked for). */
export function holdsComplex(ids: readonly string[], catalogue: CatalogueDocument): boolean {
  return productsOf(ids, catalogue).some((p) => p.complexity === 'complex');
}

export interface MandateTermsShown { budgetCents: number; perPurchaseCapCents: number; areas: readonly string[] }

/** The decision in words: a sentence, and whether buying may go ahead. Figures in the UI's formats, products and areas by name. */
export function decisionWords(t: TFunction, lang: Language, check: PurchaseCheck, ctx: { mandate: MandateTermsShown; catalogue: CatalogueDocument; consented: boolean }): { ok: boolean; text: string } {
  if (check.decision === 'allowed') return { ok: true, text: t(ctx.consented && check.chargeCents === 0 ? 'coach.purchase.allowedConsent' : 'coach.purchase.allowed') };
  const money = (c: number | null) => formatCents(c ?? 0, lang);
  const chosen = productsOf(check.products.map((p) => p.id), ctx.catalogue);
  const names = (bad: (p: Product) => boolean) => chosen.filter(bad).map((p) => p.name[lang]).join(', ');
  const areas = ctx.mandate.areas.map((a) => t(`mandate.area.${a}`, { defaultValue: a })).join(', ');
  const period = check.period;
  const params: Record<string, string> = {
    items: check.reason === 'complex_product' ? names((p) => p.complexity === 'complex') : names((p) => !ctx.mandate.areas.includes(p.area)),
    areas, price: money(check.priceCents), cap: money(ctx.mandate.perPurchaseCapCents), budget: money(ctx.mandate.budgetCents),
    spent: money(check.spentBeforeCents), charge: money(check.chargeCents), left: money(check.remainingAfterCents),
    from: period ? formatIsoDate(period.from, lang) : '', to: period ? formatIsoDate(period.to, lang) : '',
  };
  return { ok: false, text: t(`coach.purchase.refused.${check.reason ?? 'unknown_product'}`, params) };
}

/**
 * A refused purchase.make in words. The store names products and areas by id
 * (its messages are for every caller); here they become the names the coach
 * knows before the sentence is said.
 */
export function purchaseError(t: TFunction, lang: Language, error: unknown, catalogue: CatalogueDocument | undefined): string {
  const problems = problemsOf(error);
  if (!problems || !catalogue) return errorMessage(t, error);
  const name = (id: string) => (catalogue.products.find((p) => p.id === id) ?? catalogue.bundles.find((b) => b.id === id))?.name[lang] ?? id;
  const list = (v: unknown, say: (x: string) => string) => (typeof v === 'string' ? v.split(', ').map(say).join(', ') : v);
  return problems.map((p) => {
    const params = { ...p.params };
    if ('value' in params) params.value = list(params.value, name) as string;
    if ('areas' in params) params.areas = list(params.areas, (a) => t(`mandate.area.${a}`, { defaultValue: a })) as string;
    return problemMessage(t, { ...p, params } as FieldProblem);
  }).join(' ');
}
