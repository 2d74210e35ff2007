// Segment rule set v1: situational membership and migration, from the two
// tables of shared/domain/segments.md. Each trigger is written as conditions
// on profile answers (`if`: every clause must hold, a clause holds when any of
// its conditions does), so the engine can tell which ones are present.
import type { AttributeId } from '../profile.ts';
import type { RuleSet } from './schema.ts';

const is = (attribute: AttributeId, ...values: string[]) => ({ attribute, in: values });
const complex = [[is('product_complexity', 'complex')]];
const simple = [[is('product_complexity', 'simple')]];
const assistantInstalled = is('assistant_app', 'installed_self', 'installed_on_advice');

export const SITUATIONAL: RuleSet['situational'] = [
  {
    code: 'self_searcher.complex', primary: 'cautious_self_searcher', also: 'conscious_purchase_seeker', if: complex,
    when: { en: 'for a complex product where their own research is not enough: then they turn to a seller they trust', de: 'bei einem komplexen Produkt, bei dem die eigene Recherche nicht mehr reicht: Dann wenden sie sich an einen Verkäufer ihres Vertrauens' },
  },
  {
    code: 'social_media.complex', primary: 'social_media_user', also: 'community_identity_seeker', if: complex,
    when: { en: 'for a complex topic, when a retailer with a community of its own widens their circle', de: 'bei einem komplexen Thema, wenn ein Händler mit eigener Community ihren Kreis erweitert' },
  },
  {
    code: 'non_searcher.values', primary: 'convenient_non_searcher', also: 'entrepreneurial_identity_seeker',
    if: [[is('identity_expression', 'identity_host'), is('trust_anchor', 'identity_host')]],
    when: { en: 'when they want to show their values by supporting a club or cause', de: 'wenn sie ihre Werte zeigen wollen, indem sie einen Verein oder ein Anliegen unterstützen' },
  },
  {
    code: 'entrepreneurial.simple', primary: 'entrepreneurial_identity_seeker', also: 'convenient_non_searcher', if: simple,
    when: { en: 'for simple everyday purchases, where a quick best-value decision is enough', de: 'bei einfachen Alltagskäufen, wenn eine schnelle, preiswerte Entscheidung genügt' },
  },
  {
    code: 'conscious.simple', primary: 'conscious_purchase_seeker', also: 'cautious_self_searcher', if: simple,
    when: { en: 'for simple products, where they would rather avoid sellers and compare on their own', de: 'bei einfachen Produkten, bei denen sie lieber ohne Verkäufer selbst vergleichen' },
  },
  {
    code: 'community.simple', primary: 'community_identity_seeker', also: 'social_media_user', if: simple,
    when: { en: 'for simpler topics, where they ask their online community instead', de: 'bei einfacheren Themen, bei denen sie lieber ihre Online-Community fragen' },
  },
];

export const MIGRATION: RuleSet['migration'] = [
  {
    from: 'cautious_self_searcher', to: 'social_media_user', triggers: [
      { code: 'self_searcher.trusts_technology', if: [[is('trust_anchor', 'technology'), assistantInstalled]],
        because: { en: 'trust in technology is growing', de: 'das Vertrauen in Technik wächst' } },
      { code: 'self_searcher.complex_needs', if: complex,
        because: { en: 'needs more complex products', de: 'braucht komplexere Produkte' } },
      { code: 'self_searcher.mobile_channels', if: [[is('preferred_channel', 'online_shop', 'assistant_app')]],
        because: { en: 'buys through online or mobile channels', de: 'kauft über Online- oder mobile Kanäle' } },
    ],
  },
  {
    from: 'social_media_user', to: 'convenient_non_searcher', triggers: [
      { code: 'social_media.trusts_assistants', if: [[is('tech_affinity', 'high')], [is('trust_anchor', 'technology'), assistantInstalled]],
        because: { en: 'is very tech-savvy and starting to trust assistants', de: 'ist sehr technikaffin und fasst Vertrauen zu Assistenten' } },
    ],
  },
  {
    from: 'conscious_purchase_seeker', to: 'convenient_non_searcher', triggers: [
      { code: 'conscious.seller_trust_fading', if: [[is('trust_anchor', 'technology', 'online_community', 'self')]],
        because: { en: 'relies less on the seller, which may mean feeling neglected', de: 'verlässt sich weniger auf den Verkäufer, vielleicht aus dem Gefühl, vernachlässigt zu werden' } },
      { code: 'conscious.wants_adaptive', if: [[is('purchase_driver', 'convenience'), is('preferred_channel', 'assistant_app')]],
        because: { en: 'wants products that adapt to their situation, which a seller cannot provide', de: 'will Produkte, die sich der Lebenslage anpassen – das kann ein Verkäufer nicht leisten' } },
    ],
  },
  {
    from: 'convenient_non_searcher', to: 'responsibility_delegator', triggers: [
      { code: 'non_searcher.income_rising', if: [[is('life_events', 'income_rising')]],
        because: { en: 'income is rising', de: 'das Einkommen steigt' } },
      { code: 'non_searcher.time_scarce', if: [[is('life_events', 'time_scarce')]],
        because: { en: 'time is getting scarce', de: 'die Zeit wird knapp' } },
      { code: 'non_searcher.family_growing', if: [[is('life_events', 'family_growing')]],
        because: { en: 'has more responsibility for family and children', de: 'trägt mehr Verantwortung für Familie und Kinder' } },
    ],
  },
  {
    from: 'entrepreneurial_identity_seeker', to: 'community_identity_seeker', triggers: [
      { code: 'entrepreneurial.complex_needs', if: complex,
        because: { en: 'needs broader advice on a complex topic than a club or cause can give', de: 'braucht zu einem komplexen Thema mehr Beratung, als ein Verein oder eine Organisation bieten kann' } },
    ],
  },
];
