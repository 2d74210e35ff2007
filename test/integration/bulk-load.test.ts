// Loading the demo book into a real encrypted database file: as synced rows,
// in one transaction, with foreign keys and the search index intact.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad, PROGRESS_EVERY } from '#db/bulk.ts';
import { openDatabase, type Sqlite } from '#db/open.ts';
import { getClient, listClients } from '#db/queries.ts';
import { Store } from '#db/store.ts';
import { heldCatalogue } from '#services/catalogue.ts';
import { generateDemoBook, type DemoBook } from '#demo/generate.ts';
import { DEMO_CLIENTS, DEMO_SEED, loadDemoBook } from '#demo/index.ts';
import { tempDir } from '../support/book.ts';

const NOW = Date.UTC(2026, 10, 23, 9, 30);
const OWNER = 'advisor-demo';
const TABLES = { clients: 'clients', meetings: 'meetings', answers: 'answers', touchpoints: 'touchpoints', tasks: 'tasks', consents: 'consents', holdings: 'holdings', adviceRecords: 'advice_records', mandates: 'mandates' } as const;

const opened: Array<() => void> = [];
afterEach(() => { while (opened.length) opened.pop()!(); });

function freshBook() {
  const { dir, cleanup } = tempDir('aw-bulk-');
  const { sqlite, db } = openDatabase({ path: join(dir, 'book.db'), key: randomBytes(32) });
  opened.push(() => { sqlite.close(); cleanup(); });
  return { sqlite, db };
}

const count = (sqlite: Sqlite, table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const indexes = (sqlite: Sqlite) => sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`).all();

let book: DemoBook;
beforeAll(() => { book = generateDemoBook({ seed: DEMO_SEED, clients: DEMO_CLIENTS, now: NOW, ownerId: OWNER }); });

describe('loadDemoBook into an encrypted database', () => {
  it('writes every row as a synced row: counts match, the outbox stays empty, foreign keys hold', () => {
    const { sqlite } = freshBook();
    const progress: Array<[number, number]> = [];
    const counts = loadDemoBook(sqlite, { now: NOW, ownerId: OWNER, onProgress: (done, total) => progress.push([done, total]) });

    for (const [key, table] of Object.entries(TABLES)) {
      expect(counts[key as keyof typeof TABLES], key).toBe(book[key as keyof typeof TABLES].length);
      expect(count(sqlite, table), table).toBe(book[key as keyof typeof TABLES].length);
    }
    expect(counts.clients).toBe(DEMO_CLIENTS);
    expect(count(sqlite, 'outbox')).toBe(0);
    expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((sqlite.prepare('SELECT count(*) AS n FROM clients WHERE version <> 1 OR deleted_at IS NOT NULL').get() as { n: number }).n).toBe(0);

    // Progress: from 0, in steps of at most PROGRESS_EVERY rows, never backwards, ending at the total.
    const total = Object.keys(TABLES).reduce((s, k) => s + book[k as keyof typeof TABLES].length, 0);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]![1]).toBe(total);
      expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
      expect(progress[i]![0] - progress[i - 1]![0]).toBeLessThanOrEqual(PROGRESS_EVERY + 64);
    }
    expect(progress.length).toBeGreaterThan(total / (PROGRESS_EVERY + 64));
  });

  it('fills the search index: "muller" and "mueller" find a Müller client', () => {
    const { sqlite, db } = freshBook();
    loadDemoBook(sqlite, { now: NOW, ownerId: OWNER });
    const muellers = book.clients.filter((c) => c.lastName === 'Müller').map((c) => c.id);
    expect(muellers.length).toBeGreaterThan(0);
    for (const query of ['"muller"*', '"mueller"*', '"Müller"*']) {
      const found = (sqlite.prepare('SELECT client_id FROM client_search WHERE client_search MATCH ?').all(query) as { client_id: string }[]).map((r) => r.client_id);
      expect(found, query).toEqual(expect.arrayContaining(muellers));
    }
    expect(count(sqlite, 'client_search')).toBe(DEMO_CLIENTS);
    // The app's own search sees the demo book too, notes included.
    expect(listClients(db, sqlite, { query: 'muller', offset: 0, limit: 5 }).total).toBeGreaterThanOrEqual(muellers.length);
    expect(listClients(db, sqlite, { query: 'abends', offset: 0, limit: 5 }).total).toBeGreaterThan(0);
  });

  it('reads back as the app reads it: JSON answers, consents in force, the timeline', () => {
    const { sqlite, db } = freshBook();
    loadDemoBook(sqlite, { now: NOW, ownerId: OWNER });
    const answer = book.answers.find((a) => a.attribute === 'life_events' && Array.isArray(a.value) && a.value.length > 1)!;
    const view = getClient(db, answer.clientId)!;
    expect(view.answers.find((a) => a.attribute === 'life_events')!.value).toEqual(answer.value);
    expect(view.timeline.length).toBe(book.touchpoints.filter((t) => t.clientId === answer.clientId).length);
    expect(view.consent.profiling).toBe(true);
    expect(view.client).toEqual(book.clients.find((c) => c.id === answer.clientId));
  });

  it('lets the advisor go on working on a demo client through the one mutation path', () => {
    const { sqlite, db } = freshBook();
    loadDemoBook(sqlite, { now: NOW, ownerId: OWNER });
    const store = new Store(sqlite, db, { userId: OWNER, now: () => NOW, person: () => ({ roles: ['advisor'], ids: [] }), catalogue: heldCatalogue });
    const answer = book.answers.find((a) => a.attribute === 'activity_level')!;
    const saved = store.mutate('answer.set', { clientId: answer.clientId, attribute: 'activity_level', value: 'low', answeredBy: 'client' });
    expect(saved.version).toBe(2);
    store.mutate('touchpoint.add', {
      id: '019ab000-0000-7000-8000-000000000001', clientId: answer.clientId, kind: 'call', channel: 'phone',
      occurredAt: NOW, summary: 'Kurz nachgefragt',
    });
    expect(count(sqlite, 'outbox')).toBe(2);
    expect((sqlite.prepare('SELECT last_contact_at AS t FROM clients WHERE id = ?').get(answer.clientId) as { t: number }).t).toBe(NOW);
  });
});

describe('bulkLoad', () => {
  it('leaves a book that opens again with the same key, in write-ahead-log mode', () => {
    const { dir, cleanup } = tempDir('aw-bulk-');
    const path = join(dir, 'book.db');
    const key = randomBytes(32);
    const first = openDatabase({ path, key });
    loadDemoBook(first.sqlite, { clients: 500, now: NOW, ownerId: OWNER });
    first.sqlite.close();
    const again = openDatabase({ path, key });
    opened.push(() => { again.sqlite.close(); cleanup(); });
    expect(count(again.sqlite, 'clients')).toBe(500);
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('is all or nothing: a load that fails half way leaves the book, its indexes and triggers as they were', () => {
    const { sqlite } = freshBook();
    const before = indexes(sqlite);
    const cacheBefore = sqlite.pragma('cache_size', { simple: true });
    const broken = { ...book, touchpoints: [...book.touchpoints, { ...book.touchpoints[0]!, clientId: 'no-such-client' }] };
    expect(() => bulkLoad(sqlite, broken)).toThrow(/FOREIGN KEY|UNIQUE/);
    for (const table of Object.values(TABLES)) expect(count(sqlite, table), table).toBe(0);
    expect(count(sqlite, 'client_search')).toBe(0);
    expect(indexes(sqlite)).toEqual(before);

    // A duplicate of rows already there fails the same way and keeps what was loaded.
    bulkLoad(sqlite, book);
    expect(() => bulkLoad(sqlite, { answers: book.answers })).toThrow(/UNIQUE/);
    expect(count(sqlite, 'answers')).toBe(book.answers.length);
    expect(indexes(sqlite)).toEqual(before);
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(cacheBefore);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('orders and indexes a large load whose ids are not UUIDs as well', () => {
    const { sqlite } = freshBook();
    const n = 12_000;
    const clients = Array.from({ length: n }, (_, i) => ({
      id: `legacy-${String((i * 7919) % n).padStart(6, '0')}`, updatedAt: i + 1, hlc: `h${i}`, ownerId: OWNER,
      firstName: 'Anna', lastName: i % 2 ? 'Schäfer' : 'Groß', lastContactAt: i,
    }));
    const before = indexes(sqlite);
    expect(bulkLoad(sqlite, { clients }).clients).toBe(n);
    expect(count(sqlite, 'clients')).toBe(n);
    expect(indexes(sqlite)).toEqual(before);
    const ids = (sqlite.prepare('SELECT id FROM clients ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(count(sqlite, 'client_search')).toBe(n);
    expect((sqlite.prepare('SELECT count(*) AS n FROM client_search WHERE client_search MATCH ?').get('"schafer"*') as { n: number }).n).toBe(n / 2);
  });

  it('loads rows of any synced table given in their insert shape, with column defaults', () => {
    const { sqlite } = freshBook();
    const client = book.clients[0]!;
    const counts = bulkLoad(sqlite, {
      clients: [{ id: client.id, updatedAt: 1, hlc: 'h', ownerId: OWNER, firstName: 'Jörg', lastName: 'Weiß' }],
      alerts: [{
        id: '019ab000-0000-7000-8000-0000000000a1', updatedAt: 2, hlc: 'h', clientId: client.id, event: 'moving', signal: 's1',
        signals: [{ id: 's1', evidence: 'removal quotes', observedAt: '2027-02-27T18:00:00Z', eventDate: null }], offers: [], reaction: 'note_only', rulesVersion: '1', status: 'open', createdAt: 2,
      }],
      mandates: [],
    });
    expect(counts.clients).toBe(1);
    expect(counts.alerts).toBe(1);
    expect(counts.mandates).toBe(0);
    const alert = sqlite.prepare('SELECT version, coach_id, signals FROM alerts').get();
    expect(alert).toEqual({ version: 1, coach_id: null, signals: '[{"id":"s1","evidence":"removal quotes","observedAt":"2027-02-27T18:00:00Z","eventDate":null}]' });
    expect((sqlite.prepare('SELECT client_id FROM client_search WHERE client_search MATCH ?').all('"weiss"*') as unknown[]).length).toBe(1);
  });
});
