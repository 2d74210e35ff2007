// A realistic German demo book, generated deterministically: the same seed,
// size and `now` always give the same rows, ids included. Pure: no clock, no
// Math.random, no database. The rows are shaped for the tables in db/schema.ts
// and stand for what a device receives on its first sync (version 1).
//
// Each client is drawn from one of the nine segments (segments.ts) and gets a
// profile close to that segment's prototype, a household that fits their age,
// consents per purpose, a history of touchpoints over one to six years with
// the meetings behind them, and follow-up tasks, some still open.

import { demoMandates } from './mandates.ts';
import type { DemoBook, MeetingRow, TouchpointRow } from './book.ts';
import type { CONSENT_METHODS, ConsentPurpose } from '#core/consent.ts';
import { PROFILE_ATTRIBUTES, type AttributeId } from '#core/profile.ts';
import { answerId } from '#core/records.ts';
import { createRandom, uuidv7, Weighted, zipf } from './random.ts';
import {
  asciiFold, germanFirstNames, GERMAN_SURNAMES_COMMON, GERMAN_SURNAMES_TAIL, ORIGIN_WEIGHTS, otherOrigin,
  type Gender, type Origin,
} from './names.ts';
import { CITIES, EMAIL_PROVIDERS, HOME_REGIONS, MOBILE_PREFIXES, STREETS, type City } from './places.ts';
import * as P from './phrases.ts';
import { HAS_ASSISTANT, PROTOTYPES, SEGMENT_WEIGHTS, type Prototype, type SegmentId } from './segments.ts';
import { demoHoldings } from './holdings.ts';
import { demoAdviceRecords } from './advice.ts';
import { demoHlc, isoDate } from './time.ts';

export { demoHlc, isoDate };

/** The advisor the advice records name when the book is made for nobody in particular (tests, benches). */
export const DEMO_ADVISOR_NAME = 'Demo-Beraterin';

type ConsentMethod = (typeof CONSENT_METHODS)[number];

export type { DemoBook };

export interface DemoOptions {
  seed: number;
  clients: number;
  /** Every generated time lies before this instant (ms). */
  now: number;
  /** The advisor who owns the book and recorded its history. */
  ownerId: string;
  /** Their name, as the advice records give it. */
  advisorName?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR_DAYS = 365.25;


// ---------------------------------------------------------------- tables built once

const ORIGINS = new Weighted<Origin>(ORIGIN_WEIGHTS);
const TAIL_WEIGHT = 18;
const GERMAN_SURNAMES = new Weighted<string>([
  ...GERMAN_SURNAMES_COMMON,
  ...[...new Set(GERMAN_SURNAMES_TAIL)].map((n) => [n, TAIL_WEIGHT] as const),
], 16_384);
const FIRST_NAME_TABLES = new Map<readonly string[], Weighted<string>>();
function firstNames(list: readonly string[]): Weighted<string> {
  let w = FIRST_NAME_TABLES.get(list);
  if (!w) FIRST_NAME_TABLES.set(list, (w = new Weighted(zipf(list), 1024)));
  return w;
}
const SEGMENTS = new Weighted<SegmentId>(SEGMENT_WEIGHTS, 1024);
const PROVIDERS = new Weighted<string>(EMAIL_PROVIDERS, 1024);
const OFFER_OUTCOMES = new Weighted<string | null>(P.OFFER_OUTCOMES, 1024);

type SingleAttribute = Exclude<AttributeId, 'life_events'>;
const SINGLE_ATTRIBUTES = (Object.keys(PROFILE_ATTRIBUTES) as AttributeId[]).filter((a): a is SingleAttribute => a !== 'life_events');
const ALL_ATTRIBUTES: readonly AttributeId[] = [...SINGLE_ATTRIBUTES, 'life_events'];
const LIFE_EVENTS = PROFILE_ATTRIBUTES.life_events;
/** How likely a client shares data with the manufacturer, by how far they share data at all. */
const SHARING_RATE: Partial<Record<string, number>> = { full: 0.75, social_profile: 0.7, on_request: 0.45, purchase_only: 0.25, minimal: 0.05 };

/** How likely an answering client has answered each attribute. */
const ANSWER_RATE: Record<AttributeId, number> = {
  purchase_driver: 0.93, trust_anchor: 0.9, data_sharing: 0.86, activity_level: 0.85, preferred_channel: 0.8,
  tech_affinity: 0.75, assistant_app: 0.72, life_events: 0.68, identity_expression: 0.6,
  product_complexity: 0.55, purchase_occasion: 0.5,
};
/** Share of answers that stray from the segment's prototype entirely. */
const NOISE = 0.06;

interface SegmentTables {
  proto: Prototype;
  answers: Record<SingleAttribute, Weighted<string>>;
  kinds: Weighted<Kind>;
  offerChannels: Weighted<string>;
  purchaseChannels: Weighted<string>;
  /** How many touchpoints a year, relative to the average client. */
  pace: number;
}
type Kind = 'meeting' | 'call' | 'email' | 'letter' | 'offer' | 'purchase' | 'visit' | 'chat' | 'other' | 'alert';
const PACE: Record<SegmentId, number> = {
  cautious_self_searcher: 0.8, social_media_user: 0.9, convenient_non_searcher: 1, passive_co_buyer: 0.8,
  conscious_purchase_seeker: 1.2, responsibility_delegator: 1.15, brand_identity_seeker: 1,
  entrepreneurial_identity_seeker: 0.95, community_identity_seeker: 1.1,
};
const SEGMENT_TABLES = new Map<SegmentId, SegmentTables>(
  (Object.entries(PROTOTYPES) as Array<[SegmentId, Prototype]>).map(([id, proto]) => [id, {
    proto,
    answers: Object.fromEntries(SINGLE_ATTRIBUTES.map((a) => [a, new Weighted(proto.answers[a], 256)])) as Record<SingleAttribute, Weighted<string>>,
    kinds: new Weighted(Object.entries(proto.kinds) as Array<[Kind, number]>, 1024),
    offerChannels: new Weighted(proto.offerChannels, 256),
    purchaseChannels: new Weighted(proto.purchaseChannels, 256),
    pace: PACE[id],
  }]),
);
/** The same kinds for clients without a working assistant app: no alerts. */
const KINDS_WITHOUT_ALERTS = new Map<SegmentId, Weighted<Kind>>(
  (Object.entries(PROTOTYPES) as Array<[SegmentId, Prototype]>).map(([id, proto]) => [id,
    new Weighted((Object.entries(proto.kinds) as Array<[Kind, number]>).filter(([k]) => k !== 'alert'), 1024)]),
);

/** Products that a life event brings up. */
const LIFE_EVENT_PRODUCTS: Partial<Record<string, readonly P.ProductId[]>> = {
  moving: ['furniture_transit', 'household_contents', 'liability_private'],
  new_home: ['building', 'household_natural_hazards'],
  new_car: ['car', 'car_pay_as_you_drive'],
  family_growing: ['accident_child', 'term_life', 'child_savings'],
  child_starts_school: ['accident_child', 'child_savings'],
  travel_planned: ['travel_cancellation', 'travel_health_abroad', 'travel_package_cover'],
  retirement_near: ['pension_private'],
  income_rising: ['pension_private', 'disability_income'],
  new_job: ['disability_income'],
};

const PAD2: string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;


/** Whether an instant falls in December (UTC). */
function isDecember(ms: number): boolean {
  return isoDate(ms).slice(5, 7) === '12';
}

/** Note fragments that fit a client, by age and whether children live at home; built once per kind of client. */
const NOTES_BY_CLIENT = new Map<number, readonly string[]>();
function notesFor(age: number, kids: boolean): readonly string[] {
  const key = age * 2 + (kids ? 1 : 0);
  let list = NOTES_BY_CLIENT.get(key);
  if (!list) {
    list = P.NOTE_FRAGMENTS
      .filter((f) => (f.minAge ?? 0) <= age && age <= (f.maxAge ?? 200) && (!f.kids || kids))
      .map((f) => f.text);
    NOTES_BY_CLIENT.set(key, list);
  }
  return list;
}

/** Email-ready spellings of names, made once per name. */
const FOLDED = new Map<string, string>();
function folded(name: string): string {
  let f = FOLDED.get(name);
  if (f === undefined) FOLDED.set(name, (f = asciiFold(name) || 'kunde'));
  return f;
}

/** Scratch space for one client's contact days (at most 40), sorted in place. */
const DAYS = new Array<number>(40).fill(0);

/** Relative number of clients per birth year: an advisor's book is mostly people of working age. */
function birthYearWeight(y: number): number {
  if (y < 1950) return 0.5;
  if (y < 1960) return 0.9;
  if (y < 1970) return 1.3;
  if (y < 1990) return 1.15;
  if (y < 2000) return 0.9;
  return 0.5;
}

// ---------------------------------------------------------------- the generator

export function generateDemoBook(options: DemoOptions): DemoBook {
  const { seed, now, ownerId } = options;
  const count = options.clients;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`clients must be a whole number >= 0, got ${count}`);
  if (!Number.isFinite(now) || now < 10 * YEAR_DAYS * DAY) throw new RangeError(`now must be a time in ms, got ${now}`);
  if (!ownerId) throw new RangeError('ownerId is required');

  const rng = createRandom(seed);
  const nowYear = new Date(now).getUTCFullYear();
  // Every event happens on a day before today, between 6 and 20 o'clock UTC: so strictly before `now`.
  const lastDay = Math.floor(now / DAY) - 1;

  const maxBirthYear = Math.max(1941, Math.min(2006, nowYear - 18));
  const birthYears = new Weighted<number>(
    Array.from({ length: maxBirthYear - 1940 + 1 }, (_, i) => [1940 + i, birthYearWeight(1940 + i)] as const), 2048);

  const home = HOME_REGIONS[rng.int(0, HOME_REGIONS.length - 1)]!;
  const homeCities = new Weighted<City>(CITIES.filter((c) => c.region === home).map((c) => [c, c.weight] as const), 2048);
  const allCities = new Weighted<City>(CITIES.map((c) => [c, c.weight] as const), 4096);

  const book: DemoBook = { clients: [], meetings: [], answers: [], touchpoints: [], tasks: [], consents: [], segmentOf: new Map(), holdings: [], adviceRecords: [], mandates: [] };
  const usedEmails = new Set<string>();
  /** Life events that already brought the current client to a meeting. */
  const usedReasons: string[] = [];

  for (let i = 0; i < count; i++) generateClient();
  book.holdings = demoHoldings(book, { seed, now });
  book.adviceRecords = demoAdviceRecords(book, { seed, ownerId, advisorName: options.advisorName ?? DEMO_ADVISOR_NAME });
  book.mandates = demoMandates(book, { seed, now, ownerId });
  return book;

  // ------------------------------------------------------------ one client

  function generateClient(): void {
    const segment = SEGMENTS.draw(rng);
    const seg = SEGMENT_TABLES.get(segment)!;

    // Who they are.
    const gender: Gender = rng.chance(0.5) ? 'f' : 'm';
    const birthYear = birthYears.draw(rng);
    const birthMonth = rng.int(1, 12);
    const birthDay = rng.int(1, birthMonth === 2 && isLeap(birthYear) ? 29 : DAYS_IN_MONTH[birthMonth - 1]!);
    const birthDate = `${birthYear}-${PAD2[birthMonth]}-${PAD2[birthDay]}`;
    const age = nowYear - birthYear;
    const { firstName, lastName, origin } = drawName(gender, birthYear);

    const household = drawHousehold(age);
    const profile = drawProfile(seg, age, household.kidAges);
    const hasAssistant = HAS_ASSISTANT.has(profile.assistant_app);

    // Since when they are a client, and how often they have been in touch.
    const years = 1 + rng.next() * 5;
    const adultDay = Math.floor(Date.UTC(birthYear + 17, birthMonth - 1, birthDay) / DAY);
    let startDay = Math.min(lastDay - 30, Math.max(lastDay - Math.floor(years * YEAR_DAYS), adultDay));
    const startWeekday = (startDay + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (startWeekday === 6) startDay += 2;
    else if (startWeekday === 0) startDay += 1;
    const spanYears = (lastDay - startDay) / YEAR_DAYS;
    const n = Math.min(40, Math.max(2, Math.round(spanYears * 2.85 * seg.pace * (0.55 + 0.9 * rng.next()))));

    const days = DAYS;
    days[0] = startDay;
    for (let k = 1; k < n; k++) {
      // Insertion sort as the days are drawn: n is small.
      const day = startDay + Math.floor(rng.next() * (lastDay - startDay + 1));
      let j = k;
      while (j > 1 && days[j - 1]! > day) { days[j] = days[j - 1]!; j--; }
      days[j] = day;
    }

    const firstAt = days[0]! * DAY + rng.int(8, 16) * HOUR + rng.int(0, 11) * 5 * MINUTE;
    const createdAt = firstAt - rng.int(2, 30) * MINUTE;
    const clientId = uuidv7(createdAt, rng);
    book.segmentOf.set(clientId, segment);

    // The touchpoint history, with the meetings behind it.
    const kinds = hasAssistant ? seg.kinds : KINDS_WITHOUT_ALERTS.get(segment)!;
    const clientMeetings: MeetingRow[] = [];
    const clientTouchpoints: TouchpointRow[] = [];
    const stage = age < 28 ? 'young' : age >= 65 ? 'senior' : household.kidAges.length > 0 ? 'family' : 'middle';
    usedReasons.length = 0;
    for (let k = 0; k < n; k++) {
      let kind: Kind;
      if (k === 0) kind = rng.chance(0.85) ? 'meeting' : segment === 'passive_co_buyer' ? 'purchase' : rng.chance(0.6) ? 'call' : 'visit';
      else kind = kinds.draw(rng);
      let at = k === 0 ? firstAt : timeOn(days[k]!, kind);
      // Nothing happens before the first contact, which made them a client.
      if (at <= firstAt && k > 0) at = firstAt + 3 * HOUR + k * MINUTE;
      const tp = touchpoint(clientId, kind, at, k === 0, seg, profile, hasAssistant);
      clientTouchpoints.push(tp);
      if (kind === 'meeting') clientMeetings.push(meeting(clientId, tp, stage));
    }
    // A weekend contact moved to the Friday before can overtake an earlier one.
    let ordered = true;
    for (let k = 1; k < n && ordered; k++) ordered = clientTouchpoints[k - 1]!.occurredAt <= clientTouchpoints[k]!.occurredAt;
    if (!ordered) clientTouchpoints.sort((a, b) => a.occurredAt - b.occurredAt);
    const lastContactAt = clientTouchpoints[n - 1]!.occurredAt;
    for (const tp of clientTouchpoints) book.touchpoints.push(tp);
    for (const m of clientMeetings) book.meetings.push(m);

    // Consents: most clients agree to profiling and contact in their first meeting.
    const profiling = consentsFor(clientId, firstAt, lastContactAt, profile, hasAssistant);

    // Answers, for clients who allowed profiling.
    if (profiling && rng.chance(0.985)) answersFor(clientId, profile, clientMeetings, clientTouchpoints);

    tasksFor(clientId, clientTouchpoints);

    const address = rng.chance(0.97) ? drawAddress() : null;
    const contact = drawContact(firstName, lastName, birthYear, age, address?.town ?? allCities.draw(rng));
    const updatedAt = rng.chance(0.25) ? clientTouchpoints[rng.int(0, clientTouchpoints.length - 1)]!.occurredAt : createdAt;
    book.clients.push({
      id: clientId, version: 1, updatedAt, hlc: demoHlc(updatedAt), stamps: null, deletedAt: null, ownerId, sharedWith: [], ownerName: null,
      firstName, lastName, email: contact.email, phone: contact.phone,
      street: address?.street ?? null, postalCode: address?.postalCode ?? null, city: address?.city ?? null,
      birthDate: rng.chance(0.94) ? birthDate : null,
      householdSize: household.size, household: household.text,
      notes: drawNotes(age, household.kidAges.length > 0, origin),
      ...digitalProfile(profile, age),
      lastContactAt,
    });
  }

  // ------------------------------------------------------------ people

  /** Target group and adoption step follow from what the client answered; no draw, so the book stays as it was. */
  function digitalProfile(p: { tech_affinity?: string; assistant_app?: string }, age: number) {
    const tech = p.tech_affinity ?? 'medium';
    const digitalGroup = tech === 'low' ? (age >= 60 ? 'occasional' : 'rationalist')
      : tech === 'medium' ? (age >= 50 ? 'rationalist' : 'convinced')
      : age < 30 ? 'pioneer' : age < 45 ? 'trendsetter' : 'curious';
    const adoptionStep = ({ none: 'awareness', refuses: 'decision', switched_off: 'decision', installed_on_advice: 'first_use', installed_self: 'regular_use' } as Record<string, string>)[p.assistant_app ?? ''] ?? null;
    return { digitalGroup, adoptionStep };
  }

  function drawName(gender: Gender, birthYear: number): { firstName: string; lastName: string; origin: Origin } {
    const origin = ORIGINS.draw(rng);
    if (origin === 'german') {
      return { firstName: firstNames(germanFirstNames(gender, birthYear)).draw(rng), lastName: GERMAN_SURNAMES.draw(rng), origin };
    }
    const names = otherOrigin(origin);
    // Children of families who came a generation ago often carry German first names.
    const firstName = birthYear >= 1985 && rng.chance(0.3)
      ? firstNames(germanFirstNames(gender, birthYear)).draw(rng)
      : rng.pick(names.first[gender]);
    const last = rng.pick(names.last);
    const lastName = typeof last === 'string' ? last : gender === 'm' ? last[0] : last[1];
    return { firstName, lastName, origin };
  }

  function drawContact(firstName: string, lastName: string, birthYear: number, age: number, town: City): { email: string | null; phone: string | null } {
    const emailRate = age >= 75 ? 0.45 : age >= 65 ? 0.65 : age >= 50 ? 0.82 : 0.93;
    let email: string | null = null;
    if (rng.chance(emailRate)) {
      const f = folded(firstName);
      const l = folded(lastName);
      const yy = PAD2[birthYear % 100]!;
      let local: string;
      switch (rng.int(0, 8)) {
        case 0: case 1: local = `${f}.${l}`; break;
        case 2: local = `${f[0]}.${l}`; break;
        case 3: local = `${f}${l}`; break;
        case 4: local = `${l}.${f}`; break;
        case 5: local = `${f}_${l}`; break;
        case 6: local = `${f}.${l}${yy}`; break;
        case 7: local = `${f}${yy}`; break;
        default: local = `${l}${rng.int(1, 999)}`;
      }
      const provider = PROVIDERS.draw(rng);
      email = `${local}@${provider}`;
      while (usedEmails.has(email)) email = `${local}${rng.int(2, 9999)}@${provider}`;
      usedEmails.add(email);
    }
    let phone: string | null = null;
    if (rng.chance(0.95)) {
      if (rng.chance(age < 60 ? 0.7 : 0.35)) {
        phone = `+49 ${rng.pick(MOBILE_PREFIXES)} ${rng.int(1_000_000, 99_999_999)}`;
      } else {
        // A landline with the dialling code of the client's town.
        const len = Math.max(5, Math.min(8, 10 - town.area.length));
        phone = `+49 ${town.area} ${rng.int(10 ** (len - 1) * 2, 10 ** len - 1)}`;
      }
    }
    return { email, phone };
  }

  function drawAddress(): { street: string; postalCode: string; city: string; town: City } {
    const city = rng.chance(0.6) ? homeCities.draw(rng) : allCities.draw(rng);
    const [lo, hi] = city.plz;
    const postalCode = String(rng.int(lo, hi)).padStart(5, '0');
    const r = rng.next();
    let number = String(1 + Math.floor(r * r * 90));
    if (rng.chance(0.07)) number += rng.pick(['a', 'b', 'c']);
    return { street: `${rng.pick(STREETS)} ${number}`, postalCode, city: city.name, town: city };
  }

  function drawHousehold(age: number): { size: number | null; text: string | null; kidAges: number[] } {
    const r = rng.next();
    let size: number;
    let text: string;
    let kidAges: number[] = [];
    if (age < 27) {
      if (r < 0.55) { size = 1; text = rng.pick(P.HOUSEHOLD.single); }
      else if (r < 0.75) { size = 3; text = rng.pick(P.HOUSEHOLD.shared); }
      else if (r < 0.93 || age < 21) { size = 2; text = rng.pick(P.HOUSEHOLD.youngCouple); }
      else { kidAges = drawKids(age, 1); size = 2 + kidAges.length; text = withKids('Lebt mit Partner zusammen', kidAges); }
    } else if (age < 45) {
      if (r < 0.22) { size = 1; text = rng.pick(P.HOUSEHOLD.single); }
      else if (r < 0.42) { size = 2; text = rng.pick(P.HOUSEHOLD.couple); }
      else if (r < 0.9) { kidAges = drawKids(age, rng.chance(0.45) ? 1 : rng.chance(0.73) ? 2 : 3); size = 2 + kidAges.length; text = withKids(rng.chance(0.7) ? 'Verheiratet' : 'Lebt mit Partnerin zusammen', kidAges); }
      else { kidAges = drawKids(age, rng.chance(0.7) ? 1 : 2); size = 1 + kidAges.length; text = withKids('Alleinerziehend', kidAges); }
    } else if (age < 60) {
      if (r < 0.15) { size = 1; text = rng.pick(P.HOUSEHOLD.single); }
      else if (r < 0.25) { size = 1; text = rng.pick(P.HOUSEHOLD.divorced); }
      else if (r < 0.55) { kidAges = drawKids(Math.min(age, 50), rng.chance(0.5) ? 1 : 2); size = 2 + kidAges.length; text = withKids('Verheiratet', kidAges); }
      else if (r < 0.85) { size = 2; text = rng.pick(P.HOUSEHOLD.coupleKidsMovedOut); }
      else { size = 2; text = rng.pick(P.HOUSEHOLD.couple); }
    } else if (age < 75) {
      if (r < 0.55) { size = 2; text = rng.chance(0.5) ? rng.pick(P.HOUSEHOLD.retiredCouple) : rng.pick(P.HOUSEHOLD.coupleKidsMovedOut); }
      else if (r < 0.7) { size = 1; text = rng.pick(P.HOUSEHOLD.widowed); }
      else if (r < 0.85) { size = 1; text = rng.pick(P.HOUSEHOLD.single); }
      else if (r < 0.95) { size = 1; text = rng.pick(P.HOUSEHOLD.divorced); }
      else { size = 2; text = rng.pick(P.HOUSEHOLD.couple); }
    } else {
      if (r < 0.45) { size = 1; text = rng.pick(P.HOUSEHOLD.widowed); }
      else if (r < 0.85) { size = 2; text = rng.pick(P.HOUSEHOLD.retiredCouple); }
      else { size = 1; text = rng.pick(P.HOUSEHOLD.single); }
    }
    // Not everybody has told the advisor about their household.
    if (rng.chance(0.1)) return { size: null, text: null, kidAges };
    return { size, text: rng.chance(0.15) ? null : text, kidAges };
  }

  function drawKids(parentAge: number, n: number): number[] {
    const oldest = Math.max(0, Math.min(17, parentAge - 21));
    const ages: number[] = [];
    for (let i = 0; i < n; i++) ages.push(rng.int(0, oldest));
    return ages.sort((a, b) => a - b);
  }

  function withKids(prefix: string, kidAges: number[]): string {
    const ages = kidAges.map((a) => (a === 0 ? 'unter 1' : String(a)));
    if (kidAges.length === 1) {
      const child = rng.pick(['ein Kind', 'eine Tochter', 'ein Sohn']);
      return `${prefix}, ${child} (${ages[0]} ${kidAges[0]! <= 1 ? 'Jahr' : 'Jahre'})`;
    }
    const list = ages.length === 2 ? `${ages[0]} und ${ages[1]}` : `${ages.slice(0, -1).join(', ')} und ${ages[ages.length - 1]}`;
    return `${prefix}, ${P.NUMBER_WORDS[kidAges.length]} Kinder (${list} Jahre)`;
  }

  function drawNotes(age: number, kids: boolean, origin: Origin): string | null {
    const language = origin === 'german' ? undefined : P.LANGUAGE_NOTES[origin];
    const withLanguage = language !== undefined && rng.chance(0.3);
    if (!withLanguage && !rng.chance(0.4)) return null;
    const fitting = notesFor(age, kids);
    const r = rng.next();
    const n = r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
    const first = withLanguage ? language : rng.pick(fitting);
    if (n === 1) return `${first}.`;
    const second = rng.pick(fitting);
    if (second === first) return `${first}.`;
    if (n === 2) return `${first}. ${second}.`;
    const third = rng.pick(fitting);
    if (third === first || third === second) return `${first}. ${second}.`;
    return `${first}. ${second}. ${third}.`;
  }

  // ------------------------------------------------------------ profile

  interface TrueProfile extends Record<SingleAttribute, string> { life_events: string[] }

  function drawProfile(seg: SegmentTables, age: number, kidAges: number[]): TrueProfile {
    const profile = {} as TrueProfile;
    for (const a of SINGLE_ATTRIBUTES) {
      profile[a] = rng.chance(NOISE) ? rng.pick<string>(PROFILE_ATTRIBUTES[a]) : seg.answers[a].draw(rng);
    }
    const base = seg.proto.lifeEvents;
    const events: string[] = [];
    for (const e of LIFE_EVENTS) {
      let p = base[e] ?? 0.06;
      switch (e) {
        case 'retirement_near': p = age >= 57 && age <= 66 ? 0.7 : 0; break;
        case 'family_growing': p = age >= 24 && age <= 42 ? Math.max(p, 0.1) : 0; break;
        case 'child_starts_school': p = kidAges.some((k) => k === 5 || k === 6) ? 0.85 : 0; break;
        case 'income_rising': case 'new_job': case 'time_scarce': if (age > 63) p = 0.02; break;
        case 'moving': if (age < 35) p *= 1.6; break;
      }
      if (p > 0 && rng.chance(p)) events.push(e);
    }
    profile.life_events = events;
    return profile;
  }

  function answersFor(clientId: string, profile: TrueProfile, clientMeetings: MeetingRow[], tps: TouchpointRow[]): void {
    for (const a of ALL_ATTRIBUTES) {
      if (!rng.chance(ANSWER_RATE[a])) continue;
      let meetingId: string | null = null;
      let answeredAt: number;
      let answeredBy = rng.chance(0.85) ? 'client' : 'advisor';
      if (clientMeetings.length > 0) {
        // Mostly the latest meeting, sometimes an earlier one.
        const m = rng.chance(0.7) ? clientMeetings[clientMeetings.length - 1]! : rng.pick(clientMeetings);
        meetingId = m.id;
        answeredAt = m.startedAt + 5 * MINUTE + Math.floor(rng.next() * (m.endedAt! - m.startedAt - 6 * MINUTE));
      } else {
        // No meeting yet: the advisor filled it in from what they know, after a contact.
        answeredBy = 'advisor';
        answeredAt = rng.pick(tps).occurredAt + rng.int(10, 60) * MINUTE;
      }
      const value = a === 'life_events' ? profile.life_events : profile[a];
      book.answers.push({
        // The same id answer.set gives it, so that later answers update this record.
        id: answerId(clientId, a), version: 1, updatedAt: answeredAt, hlc: demoHlc(answeredAt), stamps: null, deletedAt: null,
        clientId, meetingId, attribute: a, value, answeredBy, answeredAt, recordedBy: ownerId,
      });
    }
  }

  // ------------------------------------------------------------ history

  /** A time on the given day that suits the kind of contact (meetings on weekdays, office hours). */
  function timeOn(day: number, kind: Kind): number {
    let d = day;
    if (kind === 'meeting' || kind === 'call' || kind === 'visit' || kind === 'letter') {
      const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
      if (weekday === 0) d -= 2;
      else if (weekday === 6) d -= 1;
      return d * DAY + 7 * HOUR + Math.floor(rng.next() * 120) * 5 * MINUTE;
    }
    return d * DAY + 6 * HOUR + Math.floor(rng.next() * 14 * 3600) * 1000;
  }

  function productFor(seg: SegmentTables, profile: TrueProfile): P.ProductId {
    if (profile.life_events.length > 0 && rng.chance(0.3)) {
      const fits = LIFE_EVENT_PRODUCTS[rng.pick(profile.life_events)];
      if (fits) return rng.pick(fits);
    }
    return rng.pick(seg.proto.products);
  }

  function touchpoint(clientId: string, kind: Kind, at: number, first: boolean, seg: SegmentTables, profile: TrueProfile, hasAssistant: boolean): TouchpointRow {
    const id = uuidv7(at, rng);
    let channel: string;
    let direction = 'outbound';
    let summary = '';
    let outcome: string | null = null;
    let refId: string | null = null;
    let ph: P.Phrase | null = null;
    switch (kind) {
      case 'meeting': {
        channel = rng.chance(0.92) ? 'in_person' : 'video';
        if (first) summary = rng.pick(P.FIRST_MEETING_REASONS);
        else if (profile.life_events.length > 0 && rng.chance(0.35)) {
          // A life event brings the client in once; after that it is an ordinary meeting again.
          const event = rng.pick(profile.life_events);
          if (usedReasons.includes(event)) summary = rng.pick(P.MEETING_REASONS);
          else { usedReasons.push(event); summary = P.LIFE_EVENT_MEETING_REASONS[event]!; }
        } else summary = rng.pick(P.MEETING_REASONS);
        refId = id; // the meeting has the touchpoint's id, as meeting.start does
        break;
      }
      case 'call':
        channel = 'phone';
        if (rng.chance(0.55)) ph = rng.pick(P.CALL_OUT);
        else { direction = 'inbound'; ph = rng.pick(P.CALL_IN); }
        break;
      case 'email':
        channel = 'email';
        if (rng.chance(0.55)) ph = rng.pick(P.EMAIL_OUT);
        else { direction = 'inbound'; ph = rng.pick(P.EMAIL_IN); }
        break;
      case 'letter':
        channel = 'letter';
        if (rng.chance(0.8)) ph = isDecember(at) && rng.chance(0.5) ? P.CHRISTMAS_CARD : rng.pick(P.LETTERS_OUT);
        else { direction = 'inbound'; ph = rng.pick(P.LETTERS_IN); }
        break;
      case 'offer': {
        channel = seg.offerChannels.draw(rng);
        if (channel === 'assistant_app' && !hasAssistant) channel = 'email';
        summary = P.OFFER_SUMMARY[productFor(seg, profile)];
        outcome = OFFER_OUTCOMES.draw(rng);
        // Only recent offers can still be waiting for an answer.
        if (outcome === null && at < (lastDay - 60) * DAY) outcome = 'Verschoben: möchte vergleichen';
        break;
      }
      case 'purchase': {
        channel = first ? 'point_of_sale' : seg.purchaseChannels.draw(rng);
        if (channel === 'assistant_app' && !hasAssistant) channel = 'online_shop';
        direction = 'inbound';
        summary = P.PURCHASE_SUMMARY[productFor(seg, profile)];
        outcome = rng.pick(channel === 'point_of_sale' ? P.POS_PURCHASE_OUTCOMES : P.PURCHASE_OUTCOMES);
        break;
      }
      case 'visit':
        channel = 'in_person';
        direction = rng.chance(0.7) ? 'inbound' : 'outbound';
        ph = rng.pick(P.VISITS);
        break;
      case 'chat':
        channel = hasAssistant ? 'assistant_app' : rng.chance(0.7) ? 'online_shop' : 'other';
        direction = 'inbound';
        ph = rng.pick(P.CHATS);
        break;
      case 'alert': {
        channel = 'assistant_app';
        direction = 'inbound';
        const event = profile.life_events.length > 0 && rng.chance(0.7) ? rng.pick(profile.life_events) : null;
        ph = (event && P.ALERTS[event]) || rng.pick(P.GENERIC_ALERTS);
        break;
      }
      default:
        channel = 'other';
        direction = rng.chance(0.5) ? 'inbound' : 'outbound';
        ph = rng.pick(P.OTHERS);
    }
    if (ph) {
      summary = ph.summary;
      outcome = rng.pick(ph.outcomes);
    }
    return {
      id, version: 1, updatedAt: at, hlc: demoHlc(at), stamps: null, deletedAt: null,
      clientId, kind, channel, direction, occurredAt: at, summary, outcome, refId, recordedBy: ownerId,
    };
  }

  function meeting(clientId: string, tp: TouchpointRow, stage: keyof typeof P.MEETING_RISKS): MeetingRow {
    const startedAt = tp.occurredAt;
    const endedAt = startedAt + rng.int(6, 24) * 5 * MINUTE;
    return {
      id: tp.id, version: 1, updatedAt: endedAt, hlc: demoHlc(endedAt), stamps: null, deletedAt: null,
      clientId, advisorId: ownerId, startedAt, endedAt, reason: tp.summary,
      wishes: rng.chance(0.6) ? rng.pick(P.MEETING_WISHES) : null,
      riskSituation: rng.chance(0.45) ? rng.pick(P.MEETING_RISKS[stage]) : null,
      notes: rng.chance(0.55) ? rng.pick(P.MEETING_NOTES) : null,
      // The advice and the decision come with the meeting's advice record (advice.ts).
      advice: null, decision: null, ...feedbackOf(tp.id, startedAt),
    };
  }

  /**
   * NPS and CES at the meeting's end: asked since the app asks for them (the
   * last six months), answered by most clients. Drawn from the meeting's own
   * id, not the book's random stream, so the rest of the book stays as it was.
   */
  function feedbackOf(id: string, startedAt: number): { nps: number | null; ces: number | null } {
    if (startedAt < (lastDay - 182) * DAY) return { nps: null, ces: null };
    const r = createRandom(Number.parseInt(id.replace(/-/g, '').slice(-12), 16));
    if (!r.chance(0.7)) return { nps: null, ces: null };
    const n = r.next();
    const nps = n < 0.3 ? 10 : n < 0.55 ? 9 : n < 0.72 ? 8 : n < 0.84 ? 7 : r.int(2, 6);
    const ces = r.chance(0.8) ? r.int(5, 7) : r.int(2, 4);
    return { nps, ces: r.chance(0.9) ? ces : null };
  }

  /** Records consent per purpose; returns whether profiling is in force at the end. */
  function consentsFor(clientId: string, firstAt: number, lastAt: number, profile: TrueProfile, hasAssistant: boolean): boolean {
    const at0 = firstAt + 2 * MINUTE;
    // Consents given at the first contact are given the same way, on the same form or in the same talk.
    const r0 = rng.next();
    const method0: ConsentMethod = r0 < 0.4 ? 'verbal' : r0 < 0.7 ? 'written' : 'form';
    /** A time after the last contact and before today's start. */
    const later = () => {
      const fromDay = Math.floor(lastAt / DAY) + 1;
      const day = fromDay > lastDay ? lastDay : rng.int(fromDay, lastDay);
      return Math.max(lastAt + MINUTE, day * DAY + rng.int(8, 17) * HOUR + rng.int(0, 59) * MINUTE);
    };
    const record = (purpose: ConsentPurpose, granted: boolean, method: ConsentMethod, at: number) => {
      book.consents.push({
        id: uuidv7(at, rng), version: 1, updatedAt: at, hlc: demoHlc(at), stamps: null, deletedAt: null, clientId, purpose, granted, method,
        note: rng.pick(granted ? P.CONSENT_NOTES[method] : P.CONSENT_NOTES.withdraw), recordedAt: at, recordedBy: ownerId,
      });
    };

    let profiling = false;
    const rp = rng.next();
    if (rp < 0.88) {
      record('profiling', true, method0, at0);
      profiling = true;
      if (rng.chance(0.03)) { record('profiling', false, rng.chance(0.5) ? 'written' : 'verbal', later()); profiling = false; }
    } else if (rp < 0.93) {
      record('profiling', false, 'verbal', at0);
    }

    const rc = rng.next();
    if (rc < (profiling ? 0.96 : 0.75)) {
      record('contact', true, method0, at0 + MINUTE);
      if (rng.chance(0.04)) record('contact', false, rng.chance(0.5) ? 'written' : 'verbal', later());
    } else if (rc < (profiling ? 0.97 : 0.85)) {
      record('contact', false, 'verbal', at0 + MINUTE);
    }

    const share = SHARING_RATE[profile.data_sharing] ?? 0.3;
    if (rng.chance(share)) {
      if (rng.chance(0.6)) record('manufacturer_sharing', true, method0, at0 + 2 * MINUTE);
      else record('manufacturer_sharing', true, rng.chance(0.5) ? 'form' : 'written', firstAt + Math.floor(rng.next() * (lastAt - firstAt)) + 3 * MINUTE);
      if (rng.chance(0.05)) record('manufacturer_sharing', false, 'written', later());
    }

    if (hasAssistant && rng.chance(0.95)) {
      record('assistant_data', true, 'app', firstAt + Math.floor(rng.next() * (lastAt - firstAt)) + 4 * MINUTE);
    } else if (profile.assistant_app === 'switched_off' && rng.chance(0.6)) {
      const grantedAt = firstAt + Math.floor(rng.next() * (lastAt - firstAt) * 0.5) + 4 * MINUTE;
      record('assistant_data', true, 'app', grantedAt);
      const offAt = grantedAt + rng.int(30, 400) * DAY;
      record('assistant_data', false, 'app', offAt > lastAt ? later() : offAt);
    }
    return profiling;
  }

  function tasksFor(clientId: string, tps: TouchpointRow[]): void {
    const last = tps[tps.length - 1]!;
    // Open follow-ups: after a recent contact, or set for the coming weeks.
    const open = rng.next() < 0.35 ? (rng.chance(0.2) ? 2 : 1) : 0;
    for (let k = 0; k < open; k++) {
      const createdAt = k === 0 && last.occurredAt > (lastDay - 90) * DAY
        ? last.occurredAt + rng.int(5, 60) * MINUTE
        : (lastDay - rng.int(0, 45)) * DAY + rng.int(7, 17) * HOUR + rng.int(0, 59) * MINUTE;
      const due = createdAt + rng.int(3, 45) * DAY;
      book.tasks.push({
        id: uuidv7(createdAt, rng), version: 1, updatedAt: createdAt, hlc: demoHlc(createdAt), stamps: null, deletedAt: null,
        clientId, title: rng.pick(P.OPEN_TASKS), dueDate: rng.chance(0.9) ? isoDate(due) : null,
        notes: rng.chance(0.3) ? rng.pick(P.TASK_NOTES) : null, doneAt: null, assigneeId: ownerId,
      });
    }
    // Done follow-ups from earlier contacts.
    const done = Math.min(tps.length, rng.int(0, 2));
    for (let k = 0; k < done; k++) {
      const tp = rng.pick(tps);
      const createdAt = tp.occurredAt + rng.int(5, 90) * MINUTE;
      let doneAt = createdAt + rng.int(1, 20) * DAY + rng.int(0, 8) * HOUR;
      if (doneAt >= lastDay * DAY) doneAt = createdAt + rng.int(10, 90) * MINUTE;
      book.tasks.push({
        id: uuidv7(createdAt, rng), version: 1, updatedAt: doneAt, hlc: demoHlc(doneAt), stamps: null, deletedAt: null,
        clientId, title: rng.pick(P.DONE_TASKS), dueDate: isoDate(createdAt + rng.int(5, 30) * DAY),
        notes: rng.chance(0.2) ? rng.pick(P.TASK_NOTES) : null, doneAt, assigneeId: ownerId,
      });
    }
  }
}
