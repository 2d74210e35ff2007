// The life coach's screens as words: which workspaces a person's roles give
// them and where they land, what an alert allows and says, and what the
// purchase dialog offers and says about a decision, in both languages, with
// products and areas by name and never an id on screen.
import i18next, { type TFunction } from 'i18next';
import { ORPCError } from '@orpc/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { decidePurchase } from '#core/coach/purchase.ts';
import type { AlertView } from '#contract/coach.ts';
import { actionsOf, conclusionOf, eventDayOf, statusWords } from '../../../renderer/src/alert-words.ts';
import { de } from '../../../renderer/src/i18n/de.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { choicesFor, decisionWords, holdsComplex, needsDays, priceWords, purchaseError, type PurchaseCheck } from '../../../renderer/src/purchase-words.ts';
import { homeOf, workspacesOf } from '../../../renderer/src/workspaces.ts';
import { DEMO } from '../offers/fixtures.ts';

const t: Record<'de' | 'en', TFunction> = {} as never;
/** Amounts are formatted with a no-break space before the euro sign: compared as plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
beforeAll(async () => {
  for (const [lang, translation] of [['de', de], ['en', en]] as const) {
    const instance = i18next.createInstance();
    await instance.init({ lng: lang, resources: { [lang]: { translation } }, interpolation: { escapeValue: false } });
    t[lang] = instance.t;
  }
});

describe('workspaces by role', () => {
  it('gives an advisor the client book, tasks and the book, and opens on the client book', () => {
    expect(workspacesOf(['advisor'])).toEqual(['today', 'clients', 'tasks', 'book']);
    expect(homeOf(['advisor'])).toBe('today');
  });
  it('gives a life coach the inbox and the mandates, then the client book, and opens on the inbox', () => {
    expect(workspacesOf(['life_coach'])).toEqual(['alerts', 'coach', 'clients']);
    expect(homeOf(['life_coach'])).toBe('alerts');
  });
  it('gives someone with both roles both workspaces, advisor first, and opens on the client book', () => {
    expect(workspacesOf(['life_coach', 'advisor'])).toEqual(['today', 'clients', 'tasks', 'book', 'alerts', 'coach']);
    expect(homeOf(['life_coach', 'advisor'])).toBe('today');
  });
  it('gives a retailer the sale, approvals and rating, then the client book, and opens on the sale; nobody is left with nothing', () => {
    expect(workspacesOf(['retailer'])).toEqual(['sale', 'approvals', 'rating', 'clients']);
    expect(homeOf(['retailer'])).toBe('sale');
    expect(workspacesOf(['retailer', 'life_coach'])).toEqual(['alerts', 'coach', 'clients', 'sale', 'approvals', 'rating']);
    expect(homeOf(['retailer', 'advisor'])).toBe('today');
    expect(workspacesOf([])).toEqual(['clients']);
  });
});

const alert = (over: Partial<AlertView> = {}): AlertView => ({
  id: 'a1', clientId: 'c1', clientName: { firstName: 'Anna', lastName: 'Weber' }, event: 'moving',
  signals: [
    { id: 's1', evidence: 'drei Umzugsangebote', observedAt: '2027-02-27T18:00:00Z', eventDate: '2027-03-12' },
    { id: 's2', evidence: 'Adressänderung im Kalender', observedAt: '2027-02-28T18:00:00Z', eventDate: '2027-03-10' },
  ],
  urgent: true, status: 'open', snoozedUntil: null, outcome: null, dismissReason: null, note: null, createdAt: Date.UTC(2027, 2, 1), doneAt: null,
  reaction: 'propose', offers: [{ id: 'bundle_moving', kind: 'bundle', name: { de: 'Umzugspaket', en: 'Moving bundle' }, items: [], priceCents: 101_400, pricePeriod: 'once', withinMandate: false }],
  argument: null, mandate: null, contactConsent: true, ...over,
});

describe('an alert in words', () => {
  it('says the conclusion with the client’s name in the UI’s language', () => {
    expect(conclusionOf(alert(), 'de')).toBe('Anna Weber zieht wahrscheinlich um');
    expect(conclusionOf(alert(), 'en')).toBe('Anna Weber is probably moving');
  });
  it('gives the earliest event day any signal names, or none', () => {
    expect(eventDayOf(alert())).toBe('2027-03-10');
    expect(eventDayOf(alert({ signals: [{ id: 's', evidence: 'x', observedAt: '2027-01-01T00:00:00Z', eventDate: null }] }))).toBeNull();
  });
  it('offers contact and proposals only with the client’s consent to be contacted, buying only under a mandate, nothing once done', () => {
    const mandate = { mandateId: 'm', period: { from: '2027-03-01', to: '2027-03-31' }, spentCents: 0, leftCents: 10_000, budgetCents: 10_000, areas: ['travel'], perPurchaseCapCents: 6_000 };
    expect(actionsOf(alert())).toEqual(['contact', 'propose', 'snooze', 'dismiss', 'reject']);
    expect(actionsOf(alert({ contactConsent: false }))).toEqual(['snooze', 'dismiss', 'reject']);
    expect(actionsOf(alert({ mandate }))).toEqual(['contact', 'propose', 'buy', 'snooze', 'dismiss', 'reject']);
    expect(actionsOf(alert({ offers: [] }))).toEqual(['contact', 'snooze', 'dismiss', 'reject']);
    expect(actionsOf(alert({ status: 'done', outcome: 'contacted' }))).toEqual([]);
  });
  it('says what became of a snoozed or done alert, the dismiss reason and note included', () => {
    expect(statusWords(t.de, 'de', alert())).toBeNull();
    expect(statusWords(t.de, 'de', alert({ status: 'snoozed', snoozedUntil: '2027-03-20' }))).toBe('Zurückgestellt bis 20.03.2027; dann steht der Hinweis wieder unter „Offen“.');
    const done = { status: 'done' as const, doneAt: Date.UTC(2027, 2, 2, 10) };
    expect(statusWords(t.de, 'de', alert({ ...done, outcome: 'bought' }))).toBe('Erledigt am 02.03.2027: im Rahmen der Vollmacht gekauft');
    expect(statusWords(t.en, 'en', alert({ ...done, outcome: 'dismissed', dismissReason: 'other', note: 'moved abroad' })))
      .toBe('Done on 02/03/2027: dismissed – Another reason (“moved abroad”)');
    expect(statusWords(t.de, 'de', alert({ ...done, outcome: 'conclusion_rejected' }))).toBe('Erledigt am 02.03.2027: Der Kunde widerspricht der Einschätzung.');
  });
});

const mandate = { budgetCents: 10_000, perPurchaseCapCents: 6_000, areas: ['travel', 'mobility'] };
const decide = (items: string[], over: { days?: number; singleConsent?: boolean; spent?: string[][] } = {}): PurchaseCheck => {
  const d = decidePurchase({
    mandate: { ...mandate, period: 'month', validFrom: '2027-01-01', validUntil: null, revokedOn: null },
    earlier: (over.spent ?? []).map((i) => ({ items: i, at: '2027-03-02' })),
    attempt: { items, at: '2027-03-20', days: over.days ?? 1, singleConsent: over.singleConsent ?? false }, catalogue: DEMO,
  });
  return { ...d, products: d.products.map((id) => ({ id, name: null })) };
};

describe('what the purchase dialog offers', () => {
  it('lists the alert’s offers first, then the products of the mandate’s areas sold on their own, by name, each once', () => {
    const { fromAlert, fromAreas } = choicesFor({ offered: ['bundle_trip', 'car_short_term'], areas: ['travel', 'mobility'], catalogue: DEMO, lang: 'de' });
    expect(fromAlert).toEqual([
      { id: 'bundle_trip', name: 'Reise sorgenfrei', priceCents: 4_600, period: 'once', complex: false },
      { id: 'car_short_term', name: 'Kurzzeit-Kfz (Tagesversicherung)', priceCents: 900, period: 'day', complex: false },
    ]);
    const ids = fromAreas.map((c) => c.id);
    expect(ids).toContain('travel_cancellation');
    // The trip bundle is the alert's already; no other bundle lies wholly in these areas.
    expect(ids.filter((id) => id.startsWith('bundle_'))).toEqual([]);
    expect(ids).not.toContain('car_short_term');
    // A module needs its base product: not bought alone.
    expect(ids).not.toContain('car_pay_as_you_drive');
    expect(ids.every((id) => ['travel', 'mobility'].includes(DEMO.products.find((p) => p.id === id)!.area))).toBe(true);
  });
  it('offers a bundle wholly in the mandate’s areas first when buying from the client page', () => {
    const { fromAlert, fromAreas } = choicesFor({ offered: [], areas: ['travel'], catalogue: DEMO, lang: 'en' });
    expect(fromAlert).toEqual([]);
    expect(fromAreas.map((c) => c.id)).toEqual(['bundle_trip', 'travel_health_abroad', 'travel_package_cover', 'travel_cancellation']);
  });
  it('says a price with its period, a bundle’s when its products share one, else the amount alone', () => {
    const { fromAlert } = choicesFor({ offered: ['bundle_new_family'], areas: [], catalogue: DEMO, lang: 'en' });
    expect(fromAlert[0]).toMatchObject({ name: 'New family', period: 'month', complex: true });
    expect(plain(priceWords(t.de, 'de', 4_600, 'once'))).toBe('46,00 € einmalig');
    expect(priceWords(t.en, 'en', 900, 'day')).toBe('€9.00 per day');
    expect(plain(priceWords(t.de, 'de', 101_400, null))).toBe('1.014,00 €');
  });
  it('asks for days only for an item priced per day, and for consent only with a complex product (in a bundle too)', () => {
    expect(needsDays(['bundle_trip'], DEMO)).toBe(false);
    expect(needsDays(['bundle_trip', 'car_short_term'], DEMO)).toBe(true);
    expect(holdsComplex(['travel_cancellation'], DEMO)).toBe(false);
    expect(holdsComplex(['bundle_new_family'], DEMO)).toBe(true);
  });
});

describe('a decision in words', () => {
  const words = (lang: 'de' | 'en', check: PurchaseCheck, consented = false) => decisionWords(t[lang], lang, check, { mandate, catalogue: DEMO, consented });
  it('says an allowed purchase is covered, and one the client agreed to takes nothing from the budget', () => {
    expect(words('de', decide(['bundle_trip']))).toEqual({ ok: true, text: 'Dieser Kauf ist von der Vollmacht gedeckt.' });
    expect(words('en', decide(['bundle_new_family'], { singleConsent: true }), true)).toEqual({ ok: true, text: 'The client agrees to this purchase; it does not use the budget.' });
  });
  it('names the products and areas of a refusal and gives its figures in the UI’s formats', () => {
    expect(words('de', decide(['legal_protection'])).text).toBe('Rechtsschutzversicherung gehört nicht zu den Bereichen der Vollmacht (Reise, Mobilität). Das kann nur der Kunde selbst kaufen.');
    expect(words('en', decide(['term_life'])).text).toMatch(/^Term life insurance: a complex product\./);
    expect(plain(words('de', decide(['bundle_trip', 'car_short_term'], { days: 3 })).text)).toBe('Der Kauf kostet 73,00 €, mehr als der Höchstbetrag je Kauf von 60,00 €. Wählen Sie weniger oder fragen Sie den Kunden direkt.');
    expect(words('en', decide(['travel_package_cover'], { spent: [['bundle_trip'], ['travel_cancellation']] })).text)
      .toBe('From 01/03/2027 to 31/03/2027, €80.00 of €100.00 is already spent. This purchase would take €49.00, and only €20.00 is left.');
  });
  it('never leaves a placeholder or an id in any refusal, in either language', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const check of [decide(['legal_protection']), decide(['term_life']), decide(['bundle_trip', 'car_short_term'], { days: 3 }), decide(['travel_package_cover'], { spent: [['bundle_trip'], ['travel_cancellation']] }), decide(['yacht'])]) {
        const { ok, text } = words(lang, check);
        expect(ok).toBe(false);
        expect(text).not.toMatch(/\{\{|undefined|_/);
      }
    }
  });
  it('says a purchase the store refused with product and area names, not ids', () => {
    const refused = new ORPCError('BAD_REQUEST', { data: { problems: [{ field: 'items', code: 'outside_areas', params: { value: 'legal_protection', areas: 'travel, mobility' } }] } });
    expect(purchaseError(t.de, 'de', refused, DEMO)).toBe('Rechtsschutzversicherung gehört nicht zu den Produktbereichen der Vollmacht (Reise, Mobilität). Dafür braucht es die Zustimmung des Kunden.');
    const complex = new ORPCError('BAD_REQUEST', { data: { problems: [{ field: 'items', code: 'needs_single_consent', params: { value: 'term_life' } }] } });
    expect(purchaseError(t.en, 'en', complex, DEMO)).toMatch(/^A complex product \(Term life insurance\)/);
  });
});
