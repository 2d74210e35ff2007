// POST /v1/push for every mutation kind, with arguments made bad or borderline
// field by field (generated from the kind's zod schema, so a new kind or field
// is covered without being listed here). The backend starts from what a real
// workstation pushed after filling a book with something of every kind. A bad
// argument is a rejected verdict whose message names the field, and nothing in
// the database changes but the verdict it records (mutation_results, the
// device's last_seq). A borderline value the schema accepts may be applied;
// then only records of the client it is about may change.
// FUZZ_RUNS (default 30 per kind) and FUZZ_SEED search deeper or elsewhere.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAlert } from './alert-fixture.ts';
import { MUTATIONS, type MutationName } from '#core/mutations/index.ts';
import { PURGED_MUTATION } from '#core/sync/protocol.ts';
import { changedRows } from '../../support/book-contents.ts';
import { users } from '#backend/db/schema.ts';
import { FULL_BOOK_COACH, fullBookTemplate } from '../../support/full-book.ts';
import { FUZZ_RUNS, FUZZ_SEED, pathText, placesOf, probes, shown, withProbe, type Path } from '../../support/fuzz.ts';
import { backendContents } from './backend-contents.ts';
import { workstation, type Workstation } from './sync-support.ts';
import { decideApproval } from '#backend/console/decide.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let w: Workstation;
let userId: string;
let target: string;
/** The last arguments of each kind the workstation pushed, all applied. */
const bases = new Map<string, unknown>();

beforeAll(async () => {
  const template = await fullBookTemplate();
  template.cleanup();
  target = template.book.target;
  t = await testBackend();
  t.clock.set(Date.now());
  const first = await t.device('Anna Berger', ['advisor', 'life_coach', 'retailer']);
  userId = first.user.id;
  w = workstation(t, first);
  // The coach the book shares its clients with, under the id the book's directory gave.
  await t.db.insert(users).values({ ...FULL_BOOK_COACH, roles: ['life_coach'] });
  const { outbox } = template;
  // The alerts the book's coach acted on came from the backend: it holds them too, for this person.
  for (const a of template.book.alerts) await insertAlert(t.db, { id: a.id, clientId: a.clientId, coachId: userId, hlc: w.stamp(Date.now() - 3_600_000), at: Date.now() - 3_600_000 });
  for (let i = 0; i < outbox.length; i += 100) {
    const batch = outbox.slice(i, i + 100);
    // Sent as the workstation sends them, with the time each was made (an advice record names its meeting's start).
    const { status, body } = await w.push(batch.map((m) => w.raw(m.name, m.args, { at: m.at })));
    expect(status).toBe(200);
    // The erased client never reached the backend (its changes were purged before a sync): there it is no such client,
    // for the erasure and for the disclosure of the advice record the device kept restricted.
    const unknownThere = new Set(['client.erase', 'advice.disclose']);
    const refused = body.results.filter((r, k) => r.status !== 'applied' && !(unknownThere.has(batch[k]!.name) && r.code === 'not_found'));
    expect(refused, 'the book as a workstation pushes it is applied').toEqual([]);
  }
  for (const m of outbox) if (m.name !== PURGED_MUTATION) bases.set(m.name, m.args);
}, 120_000);
afterAll(async () => { await t?.dispose(); });

/**
 * Kinds no workstation pushes (a device is refused them by role before their
 * arguments are read): the manufacturer's decision, made in the console,
 * whose path (backend/console/decide.ts) is fuzzed here instead, answered as a push would be.
 */
const BY_CONSOLE: ReadonlySet<string> = new Set(['approval.decide']);
let maker: { id: string; roles: string[] } | null = null;
/** A decision on the request the book made. */
async function consoleBase() {
  // The manufacturer's person exists before the first probe, so only the decision can change anything.
  maker ??= await t.person('Hanna Hersteller', ['manufacturer']);
  return { id: (bases.get('approval.request') as { id: string }).id, decision: 'declined', note: 'Zu weit über der Spanne.' };
}
async function byConsole(args: unknown) {
  const verdict = await decideApproval(t.db, maker!, args as never, t.clock.now());
  return { status: 200, body: { results: [{ seq: 1, ...verdict }], lastSeq: 1 } };
}

/** Another workstation of the same person, with its own sequence: one kind's failure does not hold up the next. */
async function anotherWorkstation(): Promise<Workstation> {
  const res = await t.enrol(await t.code(userId), 'Zweitgerät');
  const body = await res.json() as { deviceId: string; token: string };
  return workstation(t, { ...body, user: { id: userId } });
}

/** The names a refusal may give for a change at `path`: it, what it sits in, what sits in it, and the fields beside it (rules across two fields). */
function namesFor(name: MutationName, path: Path): string[] {
  const changed = pathText(path);
  const parent = path.slice(0, -1);
  const siblings = placesOf(MUTATIONS[name]).filter((p) => p.path.length === path.length && pathText(p.path.slice(0, -1)) === pathText(parent)).map((p) => pathText(p.path));
  const ancestors = parent.map((_, i) => pathText(parent.slice(0, i + 1)));
  // The amount a change expected names the amount changed (patch.budgetCents, expected.budgetCents).
  const sameLeaf = placesOf(MUTATIONS[name]).filter((p) => p.path.length > 1 && p.path.at(-1) === path.at(-1)).map((p) => pathText(p.path));
  return [changed, ...ancestors, ...siblings, ...sameLeaf];
}

/** An entry of a record (a conclusion's inputs) is named by its key. */
const keysOf = (value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).filter((k) => /^\w+$/.test(k)) : []);

const mentions = (message: string, field: string) => new RegExp(`(^|[^\\w.])${field.replace(/\./g, '\\.')}($|[^\\w])`, 'i').test(message);

describe('text the database cannot hold', () => {
  it('is a rejection naming the field, and the queue goes on', async () => {
    const w = await anotherWorkstation();
    const before = await backendContents(t.db);
    const { status, body } = await w.push([
      w.raw('client.delete', { id: '\u0000' }),
      w.raw('client.update', { id: target, patch: { firstName: 'Han\u0000na' } }),
      w.raw('task.add', { id: crypto.randomUUID(), clientId: target, title: 'Rückruf \ud83d' }),
    ]);
    expect(status).toBe(200);
    expect(body.results).toEqual([
      expect.objectContaining({ status: 'rejected', code: 'invalid_value', message: expect.stringMatching(/^Id /) }),
      expect.objectContaining({ status: 'rejected', code: 'invalid_value', message: expect.stringMatching(/^Patch\.firstName .*cannot be saved/) }),
      expect.objectContaining({ status: 'rejected', code: 'invalid_value', message: expect.stringMatching(/^Title .*cannot be saved/) }),
    ]);
    expect(await backendContents(t.db)).toEqual(before);
    await w.pushApplied(w.mutation('client.update', { id: target, patch: { firstName: 'Hanna' } }));
  });

  it('in a mutation\'s id or name is a bad request, not a failure of the server', async () => {
    const w = await anotherWorkstation();
    const { status, body } = await w.push([w.raw('client.delete', { id: target }, { mutationId: 'm\u0000' })]);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_request', message: 'mutations.0.mutationId: may not contain the character U+0000' });
  });
});

describe('every mutation kind, pushed with bad arguments, is rejected by field and changes nothing', () => {
  it('the workstation\'s book gave an example of every kind', () => {
    expect(Object.keys(MUTATIONS).filter((k) => !bases.has(k) && !BY_CONSOLE.has(k))).toEqual([]);
  });

  for (const name of Object.keys(MUTATIONS) as MutationName[]) {
    it(name, async () => {
      const w = await anotherWorkstation();
      const base = BY_CONSOLE.has(name) ? await consoleBase() : bases.get(name);
      expect(base, `the book's outbox holds no ${name}: make one in full-book.ts`).toBeDefined();
      const schema = MUTATIONS[name];
      await fc.assert(fc.asyncProperty(probes(schema), async (probe) => {
        // What travels is JSON: the schema judges what arrives.
        const args = JSON.parse(JSON.stringify(withProbe(base, probe)) ?? 'null') as unknown;
        const valid = schema.safeParse(args).success;
        const before = await backendContents(t.db);
        const { status, body } = BY_CONSOLE.has(name) ? await byConsole(args) : await w.push([w.raw(name, args)]);
        const changed = changedRows(before, await backendContents(t.db));
        const at = `${name} with ${pathText(probe.path)} = ${shown(probe.value)}`;
        expect(status, at).toBe(200);
        const [verdict] = body.results;
        expect(body.lastSeq, `${at}: the verdict is recorded`).toBe(verdict?.seq);
        if (verdict?.status === 'rejected') {
          expect(changed, `${at}: rejected (${verdict.code}) yet changed`).toEqual([]);
          expect(verdict.code, at).toMatch(/^[a-z_]+$/);
          if (!valid) {
            const names = [...namesFor(name, probe.path), ...keysOf(probe.value)];
            expect(names.some((n) => mentions(verdict.message, n)), `${at}: "${verdict.message}" names none of ${names.join(', ')}`).toBe(true);
          }
          return;
        }
        expect(valid, `${at}: a bad value was applied`).toBe(true);
        const about = new Set([target, ...['id', 'clientId'].map((k) => (args as Record<string, unknown> | null)?.[k]).filter((v) => typeof v === 'string')]);
        const stray = changed.filter(({ row }) => !about.has(row.client_id as string));
        expect(stray, `${at}: applied, and changed what it is not about`).toEqual([]);
      }), { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true });
    }, 120_000);
  }
});
