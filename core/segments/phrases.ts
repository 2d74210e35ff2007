// What each answer says about the client, in a few words, for the reasons a
// segment hint gives. Keyed by the profile contract (core/profile.ts), so a
// new attribute value without a phrase fails the type check.
import type { AttributeId, AttributeValue } from '../profile.ts';
import type { Text } from './ids.ts';

type Phrases = { [A in AttributeId]: Record<AttributeValue<A>, Text> };

export const ANSWER_PHRASES: Phrases = {
  purchase_driver: {
    best_price: { en: 'decides on the lowest price', de: 'entscheidet nach dem niedrigsten Preis' },
    price_for_quality: { en: 'wants a fair price for good quality', de: 'will einen fairen Preis für gute Qualität' },
    convenience: { en: 'puts convenience first', de: 'stellt Bequemlichkeit an erste Stelle' },
    identity: { en: 'buys to express who they are', de: 'kauft, um die eigene Haltung auszudrücken' },
    add_on_value: { en: 'wants the most out of a bigger purchase coming up', de: 'will das Beste aus einer anstehenden größeren Anschaffung herausholen' },
  },
  identity_expression: {
    none: { en: 'does not express who they are through purchases', de: 'zeigt mit Käufen keine Haltung' },
    brand: { en: 'shows who they are through brands', de: 'zeigt die eigene Haltung über Marken' },
    identity_host: { en: 'supports a club or cause by buying through it', de: 'unterstützt mit Käufen einen Verein oder eine Organisation' },
    community_retailer: { en: 'buys from a retailer who lives their identity', de: 'kauft bei einem Händler, der die eigene Haltung lebt' },
  },
  trust_anchor: {
    self: { en: 'trusts only themselves', de: 'vertraut nur sich selbst' },
    online_community: { en: 'trusts online communities', de: 'vertraut Online-Communitys' },
    technology: { en: 'trusts a digital assistant', de: 'vertraut einem digitalen Assistenten' },
    personal_advisor: { en: 'trusts a personal advisor', de: 'vertraut einem persönlichen Berater' },
    life_coach: { en: 'trusts a life coach', de: 'vertraut einem Life-Coach' },
    pos_staff: { en: 'trusts the staff where they buy', de: 'vertraut dem Personal im Geschäft' },
    brand: { en: 'trusts a brand', de: 'vertraut einer Marke' },
    identity_host: { en: 'trusts a club or cause they feel close to', de: 'vertraut dem eigenen Verein oder einer nahestehenden Organisation' },
    specialist_retailer: { en: 'trusts a specialist retailer', de: 'vertraut einem Fachhändler' },
  },
  data_sharing: {
    minimal: { en: 'shares almost no data', de: 'gibt kaum Daten preis' },
    purchase_only: { en: 'shares only what a purchase produces', de: 'teilt nur die Daten, die beim Kauf anfallen' },
    on_request: { en: 'shares data when someone they trust asks', de: 'gibt Daten preis, wenn eine Vertrauensperson fragt' },
    social_profile: { en: 'lets social-network data be used', de: 'lässt Daten aus sozialen Netzwerken auswerten' },
    full: { en: 'shares everything, including usage tracking', de: 'teilt alles, auch Nutzungsdaten' },
  },
  activity_level: {
    very_low: { en: 'searches only when it cannot be avoided', de: 'recherchiert nur, wenn es sich nicht vermeiden lässt' },
    low: { en: 'does little searching', de: 'recherchiert wenig' },
    medium: { en: 'searches a fair amount', de: 'recherchiert in Maßen' },
    high: { en: 'spends a lot of time searching and comparing', de: 'steckt viel Zeit ins Suchen und Vergleichen' },
  },
  tech_affinity: {
    low: { en: 'has little interest in technology', de: 'hat wenig Bezug zu Technik' },
    medium: { en: 'is moderately tech-savvy', de: 'ist mäßig technikaffin' },
    high: { en: 'is very tech-savvy', de: 'ist sehr technikaffin' },
  },
  preferred_channel: {
    comparison_portal: { en: 'prefers comparison portals', de: 'kauft am liebsten über Vergleichsportale' },
    online_shop: { en: 'prefers the online shop', de: 'kauft am liebsten im Online-Shop' },
    assistant_app: { en: 'prefers buying through an assistant app', de: 'kauft am liebsten über eine Assistenz-App' },
    point_of_sale: { en: 'prefers to sign up right where they buy the product', de: 'schließt am liebsten gleich beim Kauf des Produkts ab' },
    advisor_meeting: { en: 'prefers a personal meeting', de: 'bevorzugt ein persönliches Gespräch' },
    life_coach: { en: 'buys through a life coach', de: 'kauft über einen Life-Coach' },
    host_portal: { en: 'buys through a club’s or cause’s portal', de: 'kauft über das Portal eines Vereins oder einer Organisation' },
    specialist_retailer: { en: 'buys from a specialist retailer', de: 'kauft beim Fachhändler' },
  },
  assistant_app: {
    none: { en: 'has no assistant app', de: 'hat keine Assistenz-App' },
    refuses: { en: 'will not install an assistant app', de: 'lehnt eine Assistenz-App ab' },
    installed_self: { en: 'installed an assistant app on their own', de: 'hat eine Assistenz-App selbst installiert' },
    installed_on_advice: { en: 'installed an assistant app on advice', de: 'hat eine Assistenz-App auf Empfehlung installiert' },
    switched_off: { en: 'switched the assistant app off on purpose', de: 'hat die Assistenz-App bewusst abgeschaltet' },
  },
  life_events: {
    income_rising: { en: 'income is rising', de: 'das Einkommen steigt' },
    time_scarce: { en: 'has little time', de: 'hat wenig Zeit' },
    family_growing: { en: 'the family is growing', de: 'die Familie wächst' },
    moving: { en: 'is moving house', de: 'zieht um' },
    new_car: { en: 'is getting a new car', de: 'bekommt ein neues Auto' },
    new_home: { en: 'has a new home', de: 'hat ein neues Zuhause' },
    retirement_near: { en: 'retirement is near', de: 'der Ruhestand rückt näher' },
    travel_planned: { en: 'is planning a trip', de: 'plant eine Reise' },
    new_job: { en: 'has a new job', de: 'hat eine neue Stelle' },
    child_starts_school: { en: 'a child starts school', de: 'ein Kind kommt in die Schule' },
  },
  purchase_occasion: {
    none: { en: 'has no bigger purchase coming up', de: 'plant gerade keine größere Anschaffung' },
    durable_good: { en: 'is making a bigger purchase right now', de: 'steht gerade vor einer größeren Anschaffung' },
  },
  product_complexity: {
    simple: { en: 'needs something simple now', de: 'braucht gerade etwas Einfaches' },
    complex: { en: 'needs something complex now', de: 'braucht gerade etwas Komplexes' },
  },
};

/** Prefix of a reason that speaks against a segment. */
export const AGAINST: Text = { en: 'against: ', de: 'dagegen: ' };
