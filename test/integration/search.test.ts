// Searching the client book on a real encrypted book: what ranks first, which
// slips are forgiven, and that the index follows every way the book changes.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '#core/hlc.ts';
import { sortKey } from '#core/search.ts';
import { bulkLoad } from '#db/bulk.ts';
import { DEFAULT_MIGRATIONS, openDatabase } from '#db/open.ts';
import { listClients } from '#db/queries.ts';
import { TIERED_FROM } from '#db/search.ts';
import { applyPulled } from '#db/sync.ts';
import { loadDemoBook } from '#demo/index.ts';
import { openTestStore, tempDir } from '../support/book.ts';
import { openTestRouter } from '../support/router.ts';

let t: ReturnType<typeof openTestStore>;
let clock = 1_800_000_000_000;
beforeEach(() => { t = openTestStore({ now: () => clock++ }); });
afterEach(() => t.close());

function add(lastName: string, firstName: string, more: Record<string, unknown> = {}): string {
  const id = uuidv7();
  t.store.mutate('client.create', { id, firstName, lastName, ...more });
  return id;
}
const search = (query: string, offset = 0, limit = 50) => listClients(t.store.db, t.store.sqlite, { query, offset, limit });
const names = (query: string) => search(query).items.map((c) => `${c.lastName}, ${c.firstName}`);
/** Everything the search index holds, as one text: nothing of an erased client may be in it. */
const indexText = () => JSON.stringify(['client_search', 'client_search_names', 'client_search_words', 'client_search_deletions']
  .map((table) => t.store.sqlite.prepare(`SELECT * FROM ${table}`).all()));

describe('ranking', () => {
  it('puts surname matches first, then first names, then address and notes; the whole word before its start', () => {
    add('Zimmermann', 'Eva', { street: 'Lorenzstraße 5', city: 'Kassel' });
    add('Lorenzen', 'Jana');
    add('Adler', 'Lorenz');
    add('Abel', 'Olaf', { notes: 'Sohn Lorenz studiert in Leipzig.' });
    add('Lorenz', 'Paul');
    add('Bauer', 'Lorenza');
    add('Lorenz', 'Anna');
    add('Meier', 'Karl');
    expect(names('lorenz')).toEqual([
      'Lorenz, Anna', 'Lorenz, Paul', // surname, the whole word; equal ranks by first name
      'Lorenzen, Jana', // surname, its start
      'Adler, Lorenz', 'Bauer, Lorenza', // first name
      'Abel, Olaf', 'Zimmermann, Eva', // notes and street, by name
    ]);
  });

  it('ranks by every word: each word in the name beats one in the name and one in the address', () => {
    add('Berg', 'Anna', { city: 'Hamburg' });
    add('Hamburg', 'Anna');
    add('Anna', 'Berg');
    expect(names('anna hamburg')).toEqual(['Hamburg, Anna', 'Berg, Anna']);
    // Surname and first name either way round rank the same, so the name decides.
    expect(names('anna berg')).toEqual(['Anna, Berg', 'Berg, Anna']);
  });

  it('puts exact and prefix matches, in any field, above matches with a slip', () => {
    add('Schmidt', 'Anna');
    add('Abel', 'Uwe', { street: 'Schmittgasse 3' });
    add('Schmitt', 'Karl');
    expect(names('schmitt')).toEqual(['Schmitt, Karl', 'Abel, Uwe', 'Schmidt, Anna']);
    expect(search('schmitt').total).toBe(3);
  });

  it('puts a slip that keeps the first letter above one that changes it', () => {
    add('Güler', 'Ayşe');
    add('Muller', 'Zoé');
    add('Müller', 'Jens');
    expect(names('Muler')).toEqual(['Müller, Jens', 'Muller, Zoé', 'Güler, Ayşe']);
  });

  it('orders equal ranks by surname and first name, accents aside', () => {
    add('Özdemir', 'Zeynep', { city: 'Bonn' });
    add('Peters', 'Ali', { city: 'Bonn' });
    add('Ostermann', 'Ute', { city: 'Bonn' });
    add('Ostermann', 'Björn', { city: 'Bonn' });
    expect(names('bonn')).toEqual(['Ostermann, Björn', 'Ostermann, Ute', 'Özdemir, Zeynep', 'Peters, Ali']);
  });
});

describe('slips', () => {
  beforeEach(() => {
    add('Schneider', 'Tom', { city: 'Leipzig' });
    add('Schmidt', 'Katharina', { city: 'Dresden' });
    add('Kraus', 'Otto');
    add('Koch', 'Ida');
    add('Beck', 'Ute');
  });

  it.each([
    ['a letter too many', 'Schneidder'],
    ['a letter too few', 'Schnider'],
    ['a wrong letter', 'Schneuder'],
    ['two letters swapped', 'Schnieder'],
    ['a wrong first letter', 'Cchneider'],
  ])('forgives %s ("%s")', (_kind, query) => {
    expect(names(query)).toEqual(['Schneider, Tom']);
  });

  it('forgives one slip in each word, in any field', () => {
    expect(names('Schmdit Kathrina')).toEqual(['Schmidt, Katharina']);
    expect(names('Lepizig')).toEqual(['Schneider, Tom']);
    expect(names('Schnieder Lepizig')).toEqual(['Schneider, Tom']);
    expect(names('Schmdit Lepizig')).toEqual([]);
  });

  it('forgives from five letters on: "Krasu" finds Kraus, "Kochh" finds Koch, "Kohc" and "Bekc" find no one', () => {
    expect(names('Krasu')).toEqual(['Kraus, Otto']);
    expect(names('Kochh')).toEqual(['Koch, Ida']);
    expect(search('Kohc').total).toBe(0);
    expect(search('Bekc').total).toBe(0);
  });

  it('does not forgive two slips in one word', () => {
    expect(search('Schnieddr').total).toBe(0);
  });
});

describe('what worked before still works', () => {
  beforeEach(() => {
    add('Müller', 'Anna', { email: 'a.mueller1643@web.de', street: 'Große Straße 4', city: 'Köln' });
    add('Müller', 'Jens');
    add('Schmidt', 'Anna');
    add('Weiß', 'Jörg', { notes: 'Ruft lieber abends an.' });
  });

  it('finds without accents, in the German transcription, and as typed', () => {
    for (const query of ['muller', 'mueller', 'Müller', 'MÜLLER']) expect(names(query), query).toEqual(['Müller, Anna', 'Müller, Jens']);
    expect(names('weiss')).toEqual(['Weiß, Jörg']);
    expect(names('grosse strasse')).toEqual(['Müller, Anna']);
    expect(names('koln')).toEqual(['Müller, Anna']);
  });

  it('finds as the advisor types: every word as a prefix, all words must match', () => {
    expect(names('Mül')).toEqual(['Müller, Anna', 'Müller, Jens']);
    expect(names('anna mü')).toEqual(['Müller, Anna']);
    expect(names('anna müller köln')).toEqual(['Müller, Anna']);
    expect(names('jens schmidt')).toEqual([]);
  });

  it('finds by e-mail address, whole or in part, and by notes', () => {
    expect(names('a.mueller1643@web.de')).toEqual(['Müller, Anna']);
    expect(names('mueller1643')).toEqual(['Müller, Anna']);
    expect(names('abends')).toEqual(['Weiß, Jörg']);
  });

  it('takes search syntax and stray characters as text, never as an error', () => {
    for (const query of ['"', '*', 'AND', 'Müller OR', 'NOT Anna', 'NEAR(a b)', '(', '^Anna', '{last_name}: x', 'Müller"', '🙂', 'a'.repeat(200), 'x '.repeat(100)]) {
      expect(() => search(query), query).not.toThrow();
    }
    expect(names('Müller"')).toEqual(['Müller, Anna', 'Müller, Jens']);
    expect(names('^Anna*')).toEqual(['Müller, Anna', 'Schmidt, Anna']);
    // Nothing searchable: the whole book, as without a query.
    expect(search('"*').total).toBe(4);
  });

  it('refuses a query longer than the search field allows, saying so', async () => {
    const { t: other, rpc } = openTestRouter();
    try {
      await expect(rpc.clients.list({ query: 'a'.repeat(201), offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    } finally {
      other.close();
    }
  });
});

describe('pages', () => {
  it('split one ranking without gaps or repeats, across the surname, first-name, rest and slip tiers of a large result', () => {
    const owner = 'advisor-1';
    const kinds: Array<{ lastName: string; firstName: string; street?: string }> = [
      { lastName: 'Weber', firstName: 'Jan' }, // surname, whole word
      { lastName: 'Webermann', firstName: 'Eva' }, // surname, its start
      { lastName: 'Adam', firstName: 'Weber' }, // first name
      { lastName: 'Koch', firstName: 'Ute', street: 'Weberstraße 3' }, // the rest
      { lastName: 'Wever', firstName: 'Ina' }, // a slip, first letter kept
      { lastName: 'Geber', firstName: 'Tim' }, // a slip, first letter changed
      { lastName: 'Schulz', firstName: 'Max' }, // no match
    ];
    const clients = Array.from({ length: 2100 }, (_, i) => ({
      id: uuidv7(), updatedAt: 1, hlc: `h${i}`, ownerId: owner, ...kinds[i % kinds.length]!, city: `Ort ${i % 13}`,
    }));
    bulkLoad(t.store.sqlite, { clients });
    const whole = search('weber', 0, 2000);
    const exact = clients.filter((c) => c.lastName.startsWith('Weber') || c.firstName === 'Weber' || c.street);
    expect(exact.length).toBeGreaterThanOrEqual(TIERED_FROM);
    expect(whole.total).toBe(6 * 300);

    const rank = (c: { lastName: string; firstName: string }) =>
      c.lastName === 'Weber' ? 0 : c.lastName === 'Webermann' ? 1 : c.firstName === 'Weber' ? 2 : c.lastName === 'Koch' ? 3 : c.lastName === 'Wever' ? 4 : 5;
    const key = (c: { lastName: string; firstName: string }) => [rank(c), sortKey(c.lastName), sortKey(c.firstName)] as const;
    const keys = whole.items.map(key);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2])));
    expect(new Set(keys.map((k) => k[0]))).toEqual(new Set([0, 1, 2, 3, 4, 5]));

    const paged: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 37) {
      const page = search('weber', offset, 37);
      expect(page.total).toBe(whole.total);
      paged.push(...page.items.map((c) => c.id));
    }
    expect(paged).toEqual(whole.items.map((c) => c.id));
    expect(search('weber', whole.total, 50).items).toEqual([]);
  });
});

describe('the index follows the book', () => {
  it('a new client is found at once, with a slip too', () => {
    add('Quandt', 'Ida');
    expect(names('Qaundt')).toEqual(['Quandt, Ida']);
  });

  it('a renamed client is found by the new name only; a new last contact leaves the index as it was', () => {
    const id = add('Quandt', 'Ida', { city: 'Bonn' });
    t.store.mutate('client.update', { id, patch: { lastName: 'Kwandt', city: 'Köln' } });
    expect(names('Kwandt koln')).toEqual(['Kwandt, Ida']);
    expect(search('quandt').total).toBe(0);
    expect(search('Qaundt').total).toBe(0);
    expect(search('bonn').total).toBe(0);
    expect(indexText()).not.toMatch(/quandt|bonn/);

    const before = indexText();
    t.store.mutate('touchpoint.add', { id: uuidv7(), clientId: id, kind: 'call', channel: 'phone', occurredAt: clock, summary: 'Kurz gesprochen' });
    expect(t.store.sqlite.prepare('SELECT last_contact_at AS at FROM clients WHERE id = ?').get(id)).not.toEqual({ at: null });
    expect(indexText()).toBe(before);
  });

  it('a deleted client is no longer found', () => {
    const id = add('Quandt', 'Ida');
    t.store.mutate('client.delete', { id });
    expect(search('quandt').total).toBe(0);
    expect(search('Qaundt').total).toBe(0);
  });

  it('an erased client leaves nothing in the index, not even in its pages; a name others share stays for them', () => {
    const first = add('Quandt', 'Ida', { email: 'ida@zwirbelmeier.example', notes: 'Kennt Familie Zwirbel' });
    const second = add('Quandt', 'Ole');
    const pages = () => Buffer.concat(t.store.sqlite.prepare('SELECT block FROM client_search_data').pluck().all() as Buffer[]).toString('latin1');
    expect(pages()).toMatch(/zwirbel/);
    t.store.mutate('client.erase', { id: first });
    expect(names('Qaundt')).toEqual(['Quandt, Ole']);
    expect(indexText()).not.toMatch(/ida|zwirbel|example/);
    expect(pages()).not.toMatch(/zwirbel|meier|example/);
    t.store.mutate('client.erase', { id: second });
    expect(search('quandt').total).toBe(0);
    expect(indexText()).not.toMatch(/quandt|ole/);
  });

  it('follows clients arriving, renamed and erased by sync', () => {
    const id = uuidv7();
    const stamp = formatHlc({ wall: clock + 1000, counter: 0, node: 'backend' });
    const fields = {
      ownerId: 'u', firstName: 'Ida', lastName: 'Özdemir', email: null, phone: null, street: null, postalCode: null, city: 'Bonn',
      birthDate: null, householdSize: null, household: null, notes: null, lastContactAt: null, deletedAt: null,
    };
    applyPulled(t.store, [{ entity: 'clients', id, clientId: id, state: { fields, stamps: { firstName: stamp } } }], { cursor: 'c1', hlc: stamp }, clock);
    expect(names('Ozdemri')).toEqual(['Özdemir, Ida']);

    const later = formatHlc({ wall: clock + 2000, counter: 0, node: 'backend' });
    applyPulled(t.store, [{ entity: 'clients', id, clientId: id, state: { fields: { lastName: 'Yilmaz' }, stamps: { lastName: later } } }], { cursor: 'c2', hlc: later }, clock);
    expect(names('Yilmaz bonn')).toEqual(['Yilmaz, Ida']);
    expect(search('ozdemir').total).toBe(0);

    applyPulled(t.store, [{ entity: 'clients', id, clientId: id, state: null }], { cursor: 'c3', hlc: later }, clock);
    expect(search('yilmaz').total).toBe(0);
    expect(indexText()).not.toMatch(/yilmaz|ozdemir|bonn/);
  });

  it('fills from a bulk load and from the demo book', () => {
    bulkLoad(t.store.sqlite, { clients: [{ id: uuidv7(), updatedAt: 1, hlc: 'h', ownerId: 'u', firstName: 'Jörg', lastName: 'Weißenfels' }] });
    expect(names('Weisenfels')).toEqual(['Weißenfels, Jörg']);

    loadDemoBook(t.store.sqlite, { clients: 300, ownerId: 'u', now: clock });
    const schmidts = t.store.sqlite.prepare("SELECT id FROM clients WHERE last_name = 'Schmidt'").pluck().all() as string[];
    expect(schmidts.length).toBeGreaterThan(0);
    const found = search('Schmdit', 0, 200);
    expect(found.items.slice(0, schmidts.length).map((c) => c.id).sort()).toEqual([...schmidts].sort());
  });
});

describe('a book from before ranked search', () => {
  it('is migrated: its clients are found, ranked and forgiven, and the index keeps up afterwards', () => {
    const { dir, cleanup } = tempDir('aw-search-migrate-');
    try {
      // The migrations as they were: without this one, nor any made after it.
      const old = join(dir, 'migrations');
      cpSync(DEFAULT_MIGRATIONS, old, { recursive: true });
      const journalPath = join(old, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
      const ranked = journal.entries.find((e) => e.tag === '0007_ranked_search')!.idx;
      for (const e of journal.entries.filter((x) => x.idx >= ranked)) rmSync(join(old, `${e.tag}.sql`));
      journal.entries = journal.entries.filter((e) => e.idx < ranked);
      writeFileSync(journalPath, JSON.stringify(journal));

      const path = join(dir, 'book.db');
      const key = Buffer.alloc(32, 7);
      const before = openDatabase({ path, key, migrationsFolder: old });
      expect(before.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'client_search_words'").get()).toEqual({ n: 0 });
      // Clients as that book held them, with the columns of its day.
      const add = before.sqlite.prepare(`INSERT INTO clients (id, version, updated_at, hlc, deleted_at, owner_id, first_name, last_name)
        VALUES (?, 1, 1, '000000000000001:00000:d', ?, 'advisor-1', ?, ?)`);
      for (const [lastName, firstName] of [['Schmidt', 'Anna'], ['Anna', 'Schmidt']]) add.run(uuidv7(), null, firstName!, lastName!);
      add.run(uuidv7(), 2, 'Tom', 'Weber');
      before.sqlite.close();

      const after = openDatabase({ path, key });
      try {
        const list = (query: string) => listClients(after.db, after.sqlite, { query, offset: 0, limit: 10 }).items.map((c) => `${c.lastName}, ${c.firstName}`);
        expect(list('Schmdit')).toEqual(['Schmidt, Anna', 'Anna, Schmidt']);
        expect(list('weber')).toEqual([]);
        after.sqlite.prepare("UPDATE clients SET last_name = 'Schmitz' WHERE last_name = 'Schmidt'").run();
        expect(list('schmitz')).toEqual(['Schmitz, Anna']);
      } finally {
        after.sqlite.close();
      }
    } finally {
      cleanup();
    }
  });
});
