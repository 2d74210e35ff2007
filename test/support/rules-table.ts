// docs/rules.md's table, read as the tests need it, and what the registry
// says each person in it may do: the unit test holds the two equal, the
// backend matrix pushes every cell against a real backend.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConsentEntry } from '#core/consent.ts';
import { accessOf, issueProblem, REGISTRY, type MutationName } from '#core/mutations/registry.ts';
import type { Role } from '#core/roles.ts';

export const RULES_FILE = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));

/** The people of the table: their roles and how they stand to the client; the last two never get past authentication. */
export const ACTORS = {
  owner: { roles: ['advisor', 'life_coach'], clientAccess: 'owner', coach: false },
  shared: { roles: ['advisor'], clientAccess: 'shared', coach: false },
  'mandate coach': { roles: ['life_coach'], clientAccess: 'shared', coach: true },
  'retailer-only': { roles: ['retailer'], clientAccess: 'shared', coach: false },
  outsider: { roles: ['advisor'], clientAccess: null, coach: false },
  'revoked device': { http: 403 },
  'unknown token': { http: 401 },
} as const satisfies Record<string, { roles: readonly Role[]; clientAccess: 'owner' | 'shared' | null; coach: boolean } | { http: number }>;
export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/**
 * `consents`: the purposes the kind needs; `when`: the outcomes (argument
 * `outcome`) for which it needs them, written "contact (contacted, proposed)";
 * null: always.
 */
export interface RulesRow { outcomes: Record<ActorName, string>; consents: string[]; when: string[] | null }

/** The table's rows by kind; throws when the header does not name the people above. */
export function readRulesTable(text = readFileSync(RULES_FILE, 'utf8')): Map<string, RulesRow> {
  const lines = text.split('\n').filter((l) => l.startsWith('|'));
  const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim());
  const header = cells(lines[0] ?? '');
  const expected = ['kind', ...ACTOR_NAMES, 'needs consent'];
  if (header.join('|') !== expected.join('|')) throw new Error(`docs/rules.md: the table's columns must be ${expected.join(', ')}; they are ${header.join(', ')}`);
  const rows = new Map<string, RulesRow>();
  for (const line of lines.slice(2)) {
    const [kind, ...rest] = cells(line);
    const name = /^`(.+)`$/.exec(kind ?? '')?.[1];
    if (!name) throw new Error(`docs/rules.md: a row must start with a kind in backticks: ${line}`);
    if (rows.has(name)) throw new Error(`docs/rules.md: ${name} has two rows`);
    const outcomes = Object.fromEntries(ACTOR_NAMES.map((a, i) => [a, rest[i] ?? ''])) as Record<ActorName, string>;
    const consent = rest[ACTOR_NAMES.length] ?? '';
    const conditional = /^(.+?) \((.+)\)$/.exec(consent);
    const purposes = conditional ? conditional[1]! : consent;
    rows.set(name, {
      outcomes, consents: purposes === '–' ? [] : purposes.split(',').map((c) => c.trim()),
      when: conditional ? conditional[2]!.split(',').map((c) => c.trim()) : null,
    });
  }
  return rows;
}

/** The client of the table has consented to profiling and to being contacted about offers. */
const CONSENTED: ConsentEntry[] = [{ purpose: 'profiling', granted: true, recordedAt: 1 }, { purpose: 'contact', granted: true, recordedAt: 1 }];

/**
 * The outcome the registry gives a person of the table, in the backend's
 * order: role, then access to the client (none: not_found), then access to
 * the mandate and the consents.
 */
export function registryOutcome(name: MutationName, actor: ActorName): string {
  const a = ACTORS[actor];
  if ('http' in a) return String(a.http);
  const byRole = issueProblem(name, { roles: a.roles });
  if (byRole) return byRole.code;
  const via = REGISTRY[name].client;
  const creates = 'arg' in via && via.creates === true;
  if (!creates && a.clientAccess === null) return 'not_found';
  const record = 'record' in via && via.record === 'mandates' ? { coachId: a.coach ? 'me' : 'someone else' } : null;
  const access = accessOf(name, { clientAccess: creates ? null : a.clientAccess, clientExists: !creates, record, isMe: (id) => id === 'me' });
  return issueProblem(name, { roles: a.roles, access, consents: CONSENTED })?.code ?? 'applied';
}
