// Reasons a person can check against the client's file: each names one fact
// (an answer, a held product, a learned rate, the stated situation). None
// mentions value or margin, so the client-facing view can show them all.
import type { LifeEvent } from '../profile.ts';
import type { SegmentId, Text } from '../segments/index.ts';
import { areaName, eventName, identityWords, segmentPhrase } from './words.ts';

const both = (f: (lang: 'en' | 'de') => string): Text => ({ en: f('en'), de: f('de') });

export type FitKind = 'adaptive' | 'standard' | 'tailored' | 'point_of_sale';

const FIT: Record<FitKind, Text> = {
  adaptive: { en: 'adaptive product', de: 'anpassungsfähiges Produkt' },
  standard: { en: 'simple standard product', de: 'einfaches Standardprodukt' },
  tailored: { en: 'product that can be tailored', de: 'anpassbares Produkt' },
  point_of_sale: { en: 'add-on at the point of sale', de: 'Zusatzprodukt am Verkaufsort' },
};

export const REASON = {
  lifeEvent: (e: LifeEvent) => both((l) => `${l === 'de' ? 'Lebensereignis' : 'life event'}: ${eventName(e, l)}`),
  gap: (area: string) => both((l) => (l === 'de' ? `noch kein Schutz im Bereich ${areaName(area, l)}` : `no cover in area ${areaName(area, l)} yet`)),
  moduleFits: (base: string) => both((l) => (l === 'de' ? `vorhanden: ${base} (Baustein passt dazu)` : `owned: ${base} (module fits)`)),
  baseInBundle: (base: string) => both((l) => (l === 'de' ? `Basis ${base} ist im Paket enthalten` : `base ${base} comes in the bundle`)),
  fit: (kind: FitKind, s: SegmentId) => both((l) => `${l === 'de' ? 'Segment passt' : 'segment fit'}: ${FIT[kind][l]} ${l === 'de' ? 'für' : 'for'} ${segmentPhrase(s, l)}`),
  identity: (ids: readonly string[], s: SegmentId) => both((l) => (l === 'de'
    ? `Segment passt: steht für ${identityWords(ids, l)}, für ${segmentPhrase(s, l)}`
    : `segment fit: stands for ${identityWords(ids, l)}, for ${segmentPhrase(s, l)}`)),
  whiteLabel: both((l) => (l === 'de' ? 'unter dem Namen des Identitätswirts erhältlich' : 'sold under the identity host\'s own name')),
  needsComplex: both((l) => (l === 'de' ? 'braucht jetzt ein komplexes Produkt' : 'needs a complex product now')),
  durableGood: both((l) => (l === 'de' ? 'kauft gerade ein langlebiges Gut' : 'is buying a durable good now')),
  learned: (rate: number) => both((l) => (l === 'de'
    ? `gelernt: in diesem Segment zu ${Math.round(rate * 100)} % angenommen`
    : `learned: accepted by ${Math.round(rate * 100)}% in this segment`)),
  pointOfSale: both((l) => (l === 'de' ? 'Kunde ist am Verkaufsort' : 'client is at the point of sale')),
  complexTopic: both((l) => (l === 'de' ? 'das Gespräch gilt einem komplexen Produkt' : 'the meeting is about a complex product')),
};
