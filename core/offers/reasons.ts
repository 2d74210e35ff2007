// Reasons a person can check against the client's file: each names one fact
// (an answer, a held product, a learned rate, the stated situation). None
// mentions value or margin. A reason is a code with its facts, so what is
// stored with an outcome reads in whichever language it is shown later;
// words come from reasonText at display time.
import { z } from 'zod';
import { ATTRIBUTE_IDS, PROFILE_ATTRIBUTES, type AttributeId, type LifeEvent } from '../profile.ts';
import { ANSWER_PHRASES, SEGMENT_IDS, type Language, type SegmentId, type Text } from '../segments/index.ts';
import { areaName, eventName, identityWords, segmentPhrase } from './words.ts';

export const FIT_KINDS = ['adaptive', 'standard', 'tailored', 'point_of_sale'] as const;
export type FitKind = (typeof FIT_KINDS)[number];

const id = z.string().regex(/^[a-z][a-z0-9_]{0,79}$/);
const attributeIds = ATTRIBUTE_IDS as [AttributeId, ...AttributeId[]];

/** The reasons an offer can give, as stored with an outcome and checked again by the backend. */
export const offerReasonSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('life_event'), event: z.enum(PROFILE_ATTRIBUTES.life_events) }),
  z.strictObject({ code: z.literal('gap'), area: id }),
  z.strictObject({ code: z.literal('module_fits'), base: id }),
  z.strictObject({ code: z.literal('base_in_bundle'), base: id }),
  /** A niche product's audience (catalogue `offered_if`), met by this answer. */
  z.strictObject({ code: z.literal('fits_answer'), attribute: z.enum(attributeIds), value: z.string().max(40) }),
  z.strictObject({ code: z.literal('segment_fit'), fit: z.enum(FIT_KINDS), segment: z.enum(SEGMENT_IDS) }),
  z.strictObject({ code: z.literal('segment_identity'), identities: z.array(id).max(10), segment: z.enum(SEGMENT_IDS) }),
  z.strictObject({ code: z.literal('white_label') }),
  z.strictObject({ code: z.literal('needs_complex') }),
  z.strictObject({ code: z.literal('durable_good') }),
  z.strictObject({ code: z.literal('learned'), rate: z.number().min(0).max(1) }),
  z.strictObject({ code: z.literal('point_of_sale') }),
  z.strictObject({ code: z.literal('complex_topic') }),
]);
export type OfferReason = z.infer<typeof offerReasonSchema>;

/**
 * Reasons drawn from the segment or from what other clients of it did: the
 * advisor's, never the client's (the client view, the advice record).
 */
const INTERNAL = new Set<OfferReason['code']>(['segment_fit', 'segment_identity', 'learned']);
export const clientMayRead = (r: OfferReason) => !INTERNAL.has(r.code);

/**
 * The lines outcomes stored before reasons were codes begin like this when
 * they came from the segment or from learning: left out of what a client reads.
 */
const INTERNAL_WORDS = /^(segment passt|segment fit|gelernt:|learned:)/i;

export const REASON = {
  lifeEvent: (event: LifeEvent): OfferReason => ({ code: 'life_event', event }),
  gap: (area: string): OfferReason => ({ code: 'gap', area }),
  moduleFits: (base: string): OfferReason => ({ code: 'module_fits', base }),
  baseInBundle: (base: string): OfferReason => ({ code: 'base_in_bundle', base }),
  fitsAnswer: (attribute: AttributeId, value: string): OfferReason => ({ code: 'fits_answer', attribute, value }),
  fit: (fit: FitKind, segment: SegmentId): OfferReason => ({ code: 'segment_fit', fit, segment }),
  identity: (identities: readonly string[], segment: SegmentId): OfferReason => ({ code: 'segment_identity', identities: [...identities], segment }),
  whiteLabel: { code: 'white_label' } as OfferReason,
  needsComplex: { code: 'needs_complex' } as OfferReason,
  durableGood: { code: 'durable_good' } as OfferReason,
  learned: (rate: number): OfferReason => ({ code: 'learned', rate }),
  pointOfSale: { code: 'point_of_sale' } as OfferReason,
  complexTopic: { code: 'complex_topic' } as OfferReason,
};

const FIT: Record<FitKind, Text> = {
  adaptive: { en: 'an adaptive product', de: 'anpassungsfähiges Produkt' },
  standard: { en: 'a simple standard product', de: 'einfaches Standardprodukt' },
  tailored: { en: 'a product that can be tailored', de: 'anpassbares Produkt' },
  point_of_sale: { en: 'an add-on at the point of sale', de: 'Zusatzprodukt am Verkaufsort' },
};

const percent = (rate: number, lang: Language) =>
  new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(rate);

/** A product's name in the language, for reasons that name one; the id only if the catalogue no longer has it. */
export type ProductName = (id: string, lang: Language) => string;

export function reasonText(r: OfferReason, lang: Language, product: ProductName): string {
  const de = lang === 'de';
  switch (r.code) {
    case 'life_event': return `${de ? 'Lebensereignis' : 'life event'}: ${eventName(r.event, lang)}`;
    case 'gap': return de ? `noch kein Vertrag im Bereich ${areaName(r.area, lang)}` : `no ${areaName(r.area, lang)} cover yet`;
    case 'module_fits': return de ? `ergänzt einen bestehenden Vertrag: ${product(r.base, lang)}` : `adds to a contract already held: ${product(r.base, lang)}`;
    case 'base_in_bundle': return de ? `${product(r.base, lang)} ist im Paket enthalten` : `${product(r.base, lang)} comes in the bundle`;
    case 'fits_answer': {
      const phrase = (ANSWER_PHRASES[r.attribute] as Record<string, Text>)[r.value]?.[lang] ?? r.value;
      return de ? `passt zur Antwort: ${phrase}` : `fits the answer: ${phrase}`;
    }
    case 'segment_fit': return de
      ? `passt zum Segment ${segmentPhrase(r.segment, lang)}: ${FIT[r.fit][lang]}`
      : `suits ${segmentPhrase(r.segment, lang)}: ${FIT[r.fit][lang]}`;
    case 'segment_identity': return de
      ? `passt zum Segment ${segmentPhrase(r.segment, lang)}: steht für ${identityWords(r.identities, lang)}`
      : `suits ${segmentPhrase(r.segment, lang)}: stands for ${identityWords(r.identities, lang)}`;
    case 'white_label': return de ? 'unter dem Namen des Vereins oder der Organisation erhältlich' : 'sold under the club’s or organisation’s own name';
    case 'needs_complex': return de ? 'möchte heute ein größeres Thema klären' : 'wants to settle a bigger topic today';
    case 'durable_good': return de ? 'steht gerade vor einer größeren Anschaffung' : 'is making a bigger purchase now';
    case 'learned': return de
      ? `Erfahrungswert: von ${percent(r.rate, lang)} der Kunden dieses Segments angenommen`
      : `track record: accepted by ${percent(r.rate, lang)} of clients in this segment`;
    case 'point_of_sale': return de ? 'Kunde ist gerade am Verkaufsort' : 'client is at the point of sale';
    case 'complex_topic': return de ? 'im Gespräch geht es um ein komplexes Produkt' : 'the meeting is about a complex product';
  }
}

/** What an outcome stored as its reasons: codes, or (before codes) the words shown at the time. */
export type StoredReason = string | OfferReason;

/**
 * The reasons a client may read, in the language of what they receive:
 * codes rendered anew, old word-for-word lines kept as they are unless they
 * came from the segment or from learning.
 */
export function clientReasons(stored: readonly StoredReason[], lang: Language, product: ProductName): string[] {
  const out: string[] = [];
  for (const r of stored) {
    const text = typeof r === 'string' ? (INTERNAL_WORDS.test(r.trim()) ? null : r) : clientMayRead(r) ? reasonText(r, lang, product) : null;
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Same reason, same key: to say each only once. */
export const reasonKey = (r: OfferReason) => JSON.stringify(r);
