// The demo book generator: deterministic, valid by the domain's own rules,
// and realistic enough that a newcomer sees a living book.
import { beforeAll, describe, expect, it } from 'vitest';
import { adviceContent, adviceId, missingRecordParts, verifyChain } from '#core/advice.ts';
import { clientCreateSchema } from '#core/client.ts';
import { conclusionRecordSchema } from '#core/conclusions.ts';
import { consentInForce, consentRecordSchema, type ConsentPurpose } from '#core/consent.ts';
import { formatHlc } from '#core/hlc.ts';
import { checkAnswer, meetingStartSchema } from '#core/meeting.ts';
import { PROFILE_ATTRIBUTES, isAttributeId } from '#core/profile.ts';
import { answerId } from '#core/records.ts';
import { taskAddSchema } from '#core/task.ts';
import { CHANNELS, TOUCHPOINT_KINDS, touchpointAddSchema } from '#core/touchpoint.ts';
import { demoConclusions } from '#demo/conclusions.ts';
import { DEMO_ADVISOR_NAME, demoHlc, generateDemoBook, isoDate, type DemoBook } from '#demo/generate.ts';
import { SEGMENT_IDS } from '#core/segments/ids.ts';
import { PROTOTYPES } from '#demo/segments.ts';

const NOW = Date.UTC(2026, 10, 23, 9, 30);
const OWNER = 'advisor-demo';
const CLIENTS = 2000;

let book: DemoBook;
beforeAll(() => { book = generateDemoBook({ seed: 20261123, clients: CLIENTS, now: NOW, ownerId: OWNER }); });

const TABLES = ['clients', 'meetings', 'answers', 'touchpoints', 'tasks', 'consents', 'holdings'] as const;
const byClient = <T extends { clientId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    let list = map.get(r.clientId);
    if (!list) map.set(r.clientId, (list = []));
    list.push(r);
  }
  return map;
};
/** The millisecond a UUIDv7 carries in its first 48 bits. */
const uuidTime = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('generateDemoBook: determinism', () => {
  it('gives the same book, ids included, for the same seed', () => {
    const again = generateDemoBook({ seed: 20261123, clients: CLIENTS, now: NOW, ownerId: OWNER });
    for (const t of TABLES) expect(again[t]).toEqual(book[t]);
    expect([...again.segmentOf]).toEqual([...book.segmentOf]);
  });

  it('gives a different book for a different seed', () => {
    const other = generateDemoBook({ seed: 7, clients: CLIENTS, now: NOW, ownerId: OWNER });
    expect(other.clients.map((c) => c.id)).not.toEqual(book.clients.map((c) => c.id));
    expect(other.clients.map((c) => c.lastName)).not.toEqual(book.clients.map((c) => c.lastName));
    expect(other.touchpoints.length).not.toBe(book.touchpoints.length);
  });

  it('grows a smaller book into a larger one: the first clients stay the same', () => {
    const small = generateDemoBook({ seed: 20261123, clients: 50, now: NOW, ownerId: OWNER });
    expect(small.clients).toEqual(book.clients.slice(0, 50));
  });

  it('refuses nonsense sizes', () => {
    expect(() => generateDemoBook({ seed: 1, clients: -1, now: NOW, ownerId: OWNER })).toThrow(RangeError);
    expect(() => generateDemoBook({ seed: 1, clients: 1.5, now: NOW, ownerId: OWNER })).toThrow(RangeError);
    expect(generateDemoBook({ seed: 1, clients: 0, now: NOW, ownerId: OWNER }).clients).toEqual([]);
  });
});

describe('generateDemoBook: valid by the domain rules', () => {
  it('has at least 2,000 clients, each with a history', () => {
    expect(book.clients.length).toBe(CLIENTS);
    const tps = byClient(book.touchpoints);
    for (const c of book.clients) expect(tps.get(c.id)?.length ?? 0).toBeGreaterThan(0);
    const average = book.touchpoints.length / book.clients.length;
    expect(average).toBeGreaterThan(8);
    expect(average).toBeLessThan(12);
  });

  it('passes every client through clientCreateSchema', () => {
    for (const c of book.clients) {
      const input = {
        id: c.id, firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone,
        street: c.street, postalCode: c.postalCode, city: c.city, birthDate: c.birthDate,
        householdSize: c.householdSize, household: c.household, notes: c.notes,
      };
      const parsed = clientCreateSchema.safeParse(input);
      expect(parsed.success, `${JSON.stringify(input)}: ${parsed.error?.message}`).toBe(true);
      // Nothing is changed by the schema: the rows are already in normal form.
      expect(parsed.data).toEqual(input);
    }
  });

  it('passes every answer through checkAnswer, one per client and attribute', () => {
    const seen = new Set<string>();
    for (const a of book.answers) {
      expect(isAttributeId(a.attribute)).toBe(true);
      expect(checkAnswer(a.attribute, a.value)).toEqual(a.value);
      expect(a.id).toBe(answerId(a.clientId, a.attribute));
      expect(seen.has(a.id)).toBe(false);
      seen.add(a.id);
      expect(['client', 'advisor']).toContain(a.answeredBy);
    }
  });

  it('passes every touchpoint, meeting, task and consent through its schema', () => {
    for (const t of book.touchpoints) {
      const input = { id: t.id, clientId: t.clientId, kind: t.kind, channel: t.channel, direction: t.direction, occurredAt: t.occurredAt, summary: t.summary, outcome: t.outcome, refId: t.refId };
      const parsed = touchpointAddSchema.safeParse(input);
      expect(parsed.success, `${JSON.stringify(input)}: ${parsed.error?.message}`).toBe(true);
    }
    for (const m of book.meetings) expect(meetingStartSchema.safeParse({ id: m.id, clientId: m.clientId, reason: m.reason }).success).toBe(true);
    for (const t of book.tasks) expect(taskAddSchema.safeParse({ id: t.id, clientId: t.clientId, title: t.title, dueDate: t.dueDate, notes: t.notes }).success).toBe(true);
    for (const c of book.consents) {
      expect(consentRecordSchema.safeParse({ id: c.id, clientId: c.clientId, purpose: c.purpose, granted: c.granted, method: c.method, note: c.note }).success).toBe(true);
    }
  });

  it('stamps every row as synced: version 1, live, UUIDv7 ids from its own time, the demo clock', () => {
    const ids = new Set<string>();
    for (const t of TABLES) {
      for (const row of book[t] as Array<{ id: string; version: number; updatedAt: number; hlc: string; deletedAt: number | null }>) {
        expect(row.version).toBe(1);
        expect(row.deletedAt).toBeNull();
        expect(row.hlc).toBe(formatHlc({ wall: row.updatedAt, counter: 0, node: 'demo' }));
        if (t === 'answers') continue;
        expect(row.id).toMatch(UUID_V7);
        expect(uuidTime(row.id)).toBeLessThanOrEqual(row.updatedAt);
        // Unique across the book; a meeting shares its id with its touchpoint only.
        if (t === 'meetings') continue;
        expect(ids.has(row.id)).toBe(false);
        ids.add(row.id);
      }
    }
    for (const t of book.touchpoints) expect(uuidTime(t.id)).toBe(t.occurredAt);
    for (const wall of [0, 1, 1_782_985_200_000, 999_999_999_999_999]) {
      expect(demoHlc(wall)).toBe(formatHlc({ wall, counter: 0, node: 'demo' }));
    }
  });

  it('puts every date strictly before now', () => {
    const today = isoDate(NOW);
    for (const c of book.clients) {
      expect(c.updatedAt).toBeLessThan(NOW);
      expect(c.lastContactAt!).toBeLessThan(NOW);
      if (c.birthDate) {
        expect(c.birthDate < today).toBe(true);
        expect(c.birthDate >= '1940-01-01' && c.birthDate <= '2006-12-31').toBe(true);
      }
    }
    for (const t of book.touchpoints) expect(t.occurredAt).toBeLessThan(NOW);
    for (const m of book.meetings) {
      expect(m.startedAt).toBeLessThan(m.endedAt!);
      expect(m.endedAt!).toBeLessThan(NOW);
      expect(m.updatedAt).toBeLessThan(NOW);
    }
    for (const a of book.answers) expect(a.answeredAt).toBeLessThan(NOW);
    for (const c of book.consents) expect(c.recordedAt).toBeLessThan(NOW);
    for (const t of book.tasks) {
      expect(t.updatedAt).toBeLessThan(NOW);
      if (t.doneAt !== null) expect(t.doneAt).toBeLessThan(NOW);
    }
    // Histories go back between one and six years.
    const oldest = Math.min(...book.touchpoints.map((t) => t.occurredAt));
    expect(NOW - oldest).toBeLessThanOrEqual(6 * 366 * 86_400_000);
    expect(NOW - oldest).toBeGreaterThan(5 * 365 * 86_400_000);
  });

  it('computes calendar dates like the Date object does', () => {
    for (let ms = Date.UTC(1899, 0, 1); ms < Date.UTC(2101, 0, 1); ms += 86_400_000 * 13 + 3_600_000 * 7) {
      expect(isoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
    }
  });
});

describe('generateDemoBook: a consistent history', () => {
  it('has a meeting touchpoint for every meeting, as meeting.start records it', () => {
    const tpById = new Map(book.touchpoints.map((t) => [t.id, t]));
    for (const m of book.meetings) {
      const tp = tpById.get(m.id)!;
      expect(tp).toBeDefined();
      expect(tp.kind).toBe('meeting');
      expect(tp.refId).toBe(m.id);
      expect(tp.clientId).toBe(m.clientId);
      expect(tp.summary).toBe(m.reason);
      expect(tp.occurredAt).toBe(m.startedAt);
      expect(m.advisorId).toBe(OWNER);
    }
    const meetingIds = new Set(book.meetings.map((m) => m.id));
    for (const t of book.touchpoints) if (t.kind === 'meeting') expect(meetingIds.has(t.id)).toBe(true);
  });

  it('keeps lastContactAt at the newest touchpoint of each client', () => {
    const tps = byClient(book.touchpoints);
    for (const c of book.clients) expect(c.lastContactAt).toBe(Math.max(...tps.get(c.id)!.map((t) => t.occurredAt)));
  });

  it('takes answers in the client\'s own meetings, while the meeting ran', () => {
    const meetingById = new Map(book.meetings.map((m) => [m.id, m]));
    for (const a of book.answers) {
      if (a.meetingId === null) { expect(a.answeredBy).toBe('advisor'); continue; }
      const m = meetingById.get(a.meetingId)!;
      expect(m.clientId).toBe(a.clientId);
      expect(a.answeredAt).toBeGreaterThan(m.startedAt);
      expect(a.answeredAt).toBeLessThan(m.endedAt!);
    }
  });

  it('uses every kind and channel of the touchpoint timeline, alerts only from the assistant app', () => {
    const kinds = new Set(book.touchpoints.map((t) => t.kind));
    const channels = new Set(book.touchpoints.map((t) => t.channel));
    for (const k of TOUCHPOINT_KINDS) if (k !== 'other') expect(kinds.has(k), k).toBe(true);
    expect(kinds.has('other')).toBe(true);
    for (const c of CHANNELS) expect(channels.has(c), c).toBe(true);
    const answers = new Map(book.answers.filter((a) => a.attribute === 'assistant_app').map((a) => [a.clientId, a.value]));
    for (const t of book.touchpoints) {
      if (t.kind !== 'alert') continue;
      expect(t.channel).toBe('assistant_app');
      const app = answers.get(t.clientId);
      if (app !== undefined) expect(['installed_self', 'installed_on_advice']).toContain(app);
    }
  });

  it('records consent per purpose: most clients allow profiling and contact, some withdrew', () => {
    const perClient = byClient(book.consents);
    let profilingAndContact = 0;
    let withdrawals = 0;
    for (const c of book.clients) {
      const rows = perClient.get(c.id) ?? [];
      const state = consentInForce(rows.map((r) => ({ purpose: r.purpose as ConsentPurpose, granted: r.granted, recordedAt: r.recordedAt })));
      if (state.profiling && state.contact) profilingAndContact++;
      const granted = new Set<string>();
      for (const r of [...rows].sort((a, b) => a.recordedAt - b.recordedAt)) {
        if (r.granted) granted.add(r.purpose);
        else if (granted.has(r.purpose)) withdrawals++;
      }
    }
    expect(profilingAndContact / CLIENTS).toBeGreaterThan(0.75);
    expect(withdrawals).toBeGreaterThan(20);
    for (const purpose of ['profiling', 'contact', 'manufacturer_sharing', 'assistant_data']) {
      expect(book.consents.some((r) => r.purpose === purpose && r.granted)).toBe(true);
    }
    expect(new Set(book.consents.map((r) => r.method))).toEqual(new Set(['verbal', 'written', 'form', 'app']));
  });

  it('leaves about 15% of clients without answers, and none answered without profiling consent', () => {
    const withAnswers = new Set(book.answers.map((a) => a.clientId));
    const share = 1 - withAnswers.size / CLIENTS;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.22);
    const profilingGiven = new Set(book.consents.filter((c) => c.purpose === 'profiling' && c.granted).map((c) => c.clientId));
    for (const id of withAnswers) expect(profilingGiven.has(id)).toBe(true);
  });

  it('has open follow-ups around now, some overdue, and done ones', () => {
    const today = isoDate(NOW);
    const open = book.tasks.filter((t) => t.doneAt === null);
    const done = book.tasks.filter((t) => t.doneAt !== null);
    expect(open.filter((t) => t.dueDate !== null && t.dueDate < today).length).toBeGreaterThan(20);
    expect(open.filter((t) => t.dueDate !== null && t.dueDate >= today).length).toBeGreaterThan(20);
    expect(done.length).toBeGreaterThan(200);
    for (const t of book.tasks) expect(t.assigneeId).toBe(OWNER);
  });
});

describe('generateDemoBook: realism', () => {
  it('spreads German surnames as in life: Müller and Schmidt first, many umlauts, some families of other origin', () => {
    const counts = new Map<string, number>();
    for (const c of book.clients) counts.set(c.lastName, (counts.get(c.lastName) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    // Müller and Schmidt lead, as in Germany (with 2,000 clients either may come first).
    expect(ranked.slice(0, 3).map(([name]) => name)).toEqual(expect.arrayContaining(['Müller', 'Schmidt']));
    expect(counts.get('Müller')! / CLIENTS).toBeGreaterThan(0.015);
    expect(counts.size).toBeGreaterThan(300);
    const umlauts = book.clients.filter((c) => /[äöüÄÖÜß]/.test(c.firstName + c.lastName)).length;
    expect(umlauts / CLIENTS).toBeGreaterThan(0.1);
    for (const name of ['Öztürk', 'Yılmaz', 'Nowak', 'Schröder', 'Krüger']) expect(counts.has(name), name).toBe(true);
  });

  it('derives emails from names at common providers, and some clients have none', () => {
    const withEmail = book.clients.filter((c) => c.email !== null);
    expect(withEmail.length / CLIENTS).toBeGreaterThan(0.7);
    expect(withEmail.length / CLIENTS).toBeLessThan(0.95);
    expect(new Set(withEmail.map((c) => c.email)).size).toBe(withEmail.length);
    const providers = new Set(withEmail.map((c) => c.email!.split('@')[1]));
    for (const p of ['web.de', 'gmx.de', 't-online.de', 'gmail.com']) expect(providers.has(p)).toBe(true);
    const mueller = withEmail.filter((c) => c.lastName === 'Müller');
    expect(mueller.some((c) => c.email!.includes('mueller'))).toBe(true);
    for (const c of book.clients) if (c.phone) expect(c.phone.startsWith('+49 ')).toBe(true);
  });

  it('gives addresses in real towns with fitting postal codes', () => {
    const streets = book.clients.filter((c) => c.street).map((c) => c.street!);
    expect(streets.some((s) => /straße \d+/.test(s))).toBe(true);
    expect(streets.some((s) => /weg \d+/.test(s))).toBe(true);
    expect(streets.some((s) => /allee \d+/.test(s))).toBe(true);
    expect(streets.some((s) => s.startsWith('Am '))).toBe(true);
    for (const c of book.clients) if (c.postalCode) expect(c.postalCode).toMatch(/^\d{5}$/);
    const berlin = book.clients.filter((c) => c.city === 'Berlin');
    for (const c of berlin) expect(Number(c.postalCode) >= 10115 && Number(c.postalCode) <= 14199).toBe(true);
    expect(new Set(book.clients.map((c) => c.city)).size).toBeGreaterThan(50);
  });

  it('writes notes and households varied enough to search', () => {
    const notes = book.clients.filter((c) => c.notes).map((c) => c.notes!);
    expect(notes.length / CLIENTS).toBeGreaterThan(0.25);
    expect(new Set(notes).size).toBeGreaterThan(200);
    expect(notes.some((n) => /abends/.test(n))).toBe(true);
    expect(notes.some((n) => /Pferd|reitet/i.test(n))).toBe(true);
    expect(notes.some((n) => /Kindergarten/.test(n))).toBe(true);
    for (const c of book.clients) {
      if (c.householdSize !== null) expect(c.householdSize).toBeGreaterThanOrEqual(1);
    }
    expect(book.clients.some((c) => c.household?.includes('Kinder'))).toBe(true);
  });

  it('draws each client from one of the nine segments, with answers close to its prototype', () => {
    const perSegment = new Map<string, number>();
    for (const s of book.segmentOf.values()) perSegment.set(s, (perSegment.get(s) ?? 0) + 1);
    for (const s of SEGMENT_IDS) expect(perSegment.get(s) ?? 0, s).toBeGreaterThan(CLIENTS * 0.03);
    // The most frequent answer per segment and attribute is the prototype's main value.
    for (const segment of SEGMENT_IDS) {
      for (const attribute of ['purchase_driver', 'trust_anchor', 'data_sharing', 'preferred_channel'] as const) {
        const values = new Map<string, number>();
        for (const a of book.answers) {
          if (a.attribute !== attribute || book.segmentOf.get(a.clientId) !== segment) continue;
          values.set(a.value as string, (values.get(a.value as string) ?? 0) + 1);
        }
        const top = [...values].sort((x, y) => y[1] - x[1])[0]![0];
        expect(top, `${segment} ${attribute}`).toBe(PROTOTYPES[segment].answers[attribute][0]![0]);
        expect(PROFILE_ATTRIBUTES[attribute] as readonly string[]).toContain(top);
      }
    }
  });
});

describe('generateDemoBook: the advice records of ended meetings', () => {
  it('gives every ended meeting version 1 of its record, complete, chained and verifiable', () => {
    const records = new Map(book.adviceRecords.map((r) => [r.meetingId, r]));
    const ended = book.meetings.filter((m) => m.endedAt !== null);
    expect(ended.length).toBeGreaterThan(CLIENTS);
    for (const m of ended) {
      const r = records.get(m.id);
      expect(r, `meeting ${m.id} has no record`).toBeDefined();
      expect(r!.id).toBe(adviceId(m.id, 1));
      expect(r!.clientId).toBe(m.clientId);
      const content = adviceContent.parse(r!.content);
      // Nothing the record asks for is left empty, and it says what the meeting said.
      expect(missingRecordParts(content)).toEqual([]);
      expect(missingRecordParts(m)).toEqual([]);
      expect(content).toMatchObject({ reason: m.reason, wishes: m.wishes, advice: m.advice, decision: m.decision, advisor: DEMO_ADVISOR_NAME });
      expect(verifyChain([{ ...r!, content }])).toEqual({ ok: true });
      if (r!.deliveredAt !== null) {
        expect(r!.deliveredAt).toBeGreaterThan(m.endedAt!);
        expect(r!.deliveredAt).toBeLessThan(NOW);
      }
    }
    expect(book.adviceRecords).toHaveLength(ended.length);
  });

  it('names the advisor who set the workstation up, and leaves the rest of the book as it was', () => {
    const named = generateDemoBook({ seed: 20261123, clients: 50, now: NOW, ownerId: OWNER, advisorName: 'Anna Berger' });
    const plain = generateDemoBook({ seed: 20261123, clients: 50, now: NOW, ownerId: OWNER });
    expect(new Set(named.adviceRecords.map((r) => (r.content as { advisor: string }).advisor))).toEqual(new Set(['Anna Berger']));
    expect(named.clients).toEqual(plain.clients);
    expect(named.touchpoints).toEqual(plain.touchpoints);
  });
});

describe('demoConclusions: what the segment rules concluded about the demo clients', () => {
  const conclude = () => demoConclusions(book, { seed: 20261123, ownerId: OWNER });

  it('is deterministic and leaves the rows of the book as they were', () => {
    const answers = JSON.stringify(book.answers);
    const rows = conclude();
    expect(conclude()).toEqual(rows);
    expect(JSON.stringify(book.answers)).toBe(answers);
    expect(generateDemoBook({ seed: 20261123, clients: 50, now: NOW, ownerId: OWNER }).clients).toEqual(book.clients.slice(0, 50));
  });

  it('concludes only about clients who allow profiling and answered, and about most of them', () => {
    const rows = conclude();
    const consents = byClient(book.consents);
    const answered = new Set(book.answers.map((a) => a.clientId));
    for (const c of rows) {
      expect(consentInForce(consents.get(c.clientId) ?? []).profiling, c.clientId).toBe(true);
      expect(answered.has(c.clientId)).toBe(true);
    }
    const segmented = new Set(rows.filter((c) => c.kind === 'segment').map((c) => c.clientId));
    expect(segmented.size).toBeGreaterThan(answered.size * 0.8);
    expect(rows.some((c) => c.kind === 'migration')).toBe(true);
    // The rules mostly find the segment the client was drawn from.
    const rule = rows.filter((c) => c.kind === 'segment' && c.source === 'rule');
    expect(rule.filter((c) => book.segmentOf.get(c.clientId) === c.value).length).toBeGreaterThan(rule.length * 0.85);
  });

  it('writes valid synced rows: known values, provenance, the client\'s word, times before now', () => {
    const rows = conclude();
    const lastAnswer = new Map<string, number>();
    for (const a of book.answers) lastAnswer.set(a.clientId, Math.max(lastAnswer.get(a.clientId) ?? 0, a.answeredAt));
    for (const c of rows) {
      const input = { id: c.id, clientId: c.clientId, kind: c.kind, value: c.value, inputs: c.inputs, ruleSetVersion: c.ruleSetVersion, source: c.source, reason: c.reason };
      const parsed = conclusionRecordSchema.safeParse(input);
      expect(parsed.success, `${JSON.stringify(input)}: ${parsed.error?.message}`).toBe(true);
      expect(c).toMatchObject({ version: 1, stamps: null, deletedAt: null, decidedBy: OWNER, hlc: demoHlc(c.updatedAt) });
      expect(c.decidedAt).toBeGreaterThanOrEqual(lastAnswer.get(c.clientId)!);
      expect(c.updatedAt).toBe(c.statusAt ?? c.decidedAt);
      expect(c.updatedAt).toBeLessThan(NOW);
      expect(c.status === 'unconfirmed').toBe(c.statusAt === null);
    }
    const segments = rows.filter((c) => c.kind === 'segment' && c.source === 'rule');
    const share = (status: string) => segments.filter((c) => c.status === status).length / segments.length;
    expect(share('rejected')).toBeGreaterThan(0.01);
    expect(share('rejected')).toBeLessThan(0.06);
    expect(share('confirmed')).toBeGreaterThan(0.06);
    expect(share('confirmed')).toBeLessThan(0.15);
    const overrides = rows.filter((c) => c.source === 'advisor');
    expect(overrides.length).toBeGreaterThan(segments.length * 0.005);
    expect(overrides.length).toBeLessThan(segments.length * 0.04);
  });
});

describe('generateDemoBook: mandates for the owner as life coach', () => {
  it('only clients who delegate and share their assistant data gave one, to the owner, with terms that hold', () => {
    expect(book.mandates.length).toBeGreaterThan(20);
    expect(book.mandates.length).toBeLessThan(CLIENTS / 5);
    const consents = byClient(book.consents);
    for (const m of book.mandates) {
      expect(['convenient_non_searcher', 'responsibility_delegator']).toContain(book.segmentOf.get(m.clientId));
      expect(consentInForce(consents.get(m.clientId) ?? []).assistant_data).toBe(true);
      expect(m).toMatchObject({ coachId: OWNER, period: 'month', revokedAt: null, validUntil: null });
      expect(m.perPurchaseCapCents).toBeLessThanOrEqual(m.budgetCents);
      expect(m.validFrom <= new Date(NOW).toISOString().slice(0, 10)).toBe(true);
      expect(m.areas).toContain('travel');
    }
    expect(new Set(book.mandates.map((m) => m.clientId)).size).toBe(book.mandates.length);
  });
});

describe('generateDemoBook: satisfaction', () => {
  it('most meetings of the last six months carry NPS (0–10) and CES (1–7), older ones none, so "Mein Bestand" shows a trend', () => {
    const recent = book.meetings.filter((m) => m.startedAt >= NOW - 180 * 86_400_000);
    const older = book.meetings.filter((m) => m.startedAt < NOW - 184 * 86_400_000);
    expect(recent.length).toBeGreaterThan(100);
    expect(older.every((m) => m.nps === null && m.ces === null)).toBe(true);
    const answered = recent.filter((m) => m.nps !== null);
    expect(answered.length / recent.length).toBeGreaterThan(0.6);
    expect(answered.length / recent.length).toBeLessThan(0.8);
    expect(answered.every((m) => Number.isInteger(m.nps) && m.nps! >= 0 && m.nps! <= 10)).toBe(true);
    expect(recent.filter((m) => m.ces !== null).every((m) => Number.isInteger(m.ces) && m.ces! >= 1 && m.ces! <= 7)).toBe(true);
    // Not all promoters: detractors and passives are there too.
    expect(new Set(answered.map((m) => (m.nps! >= 9 ? 'promoter' : m.nps! >= 7 ? 'passive' : 'detractor')))).toEqual(new Set(['promoter', 'passive', 'detractor']));
  });
});
