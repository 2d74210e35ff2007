// docs/rules.md is the rules as people read them; core/mutations/registry.ts
// is the rules as device and backend apply them. They must say the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUTATION_NAMES, REGISTRY } from '#core/mutations/registry.ts';
import { ACTOR_NAMES, readRulesTable, registryOutcome, RULES_FILE } from '../support/rules-table.ts';

const table = readRulesTable();

describe('docs/rules.md', () => {
  it('has one row for every mutation kind, and none for a kind that does not exist', () => {
    expect([...table.keys()].sort()).toEqual([...MUTATION_NAMES].sort());
  });

  for (const name of MUTATION_NAMES) {
    it(`${name}: says for every person what the registry says`, () => {
      const row = table.get(name);
      if (!row) throw new Error(`docs/rules.md has no row for ${name}: add one`);
      const fromRegistry = Object.fromEntries(ACTOR_NAMES.map((a) => [a, registryOutcome(name, a)]));
      expect(row.outcomes).toEqual(fromRegistry);
      expect(row.consents).toEqual([...REGISTRY[name].consents]);
    });
  }

  it('a missing row or one that disagrees with the registry is caught', () => {
    const text = readFileSync(RULES_FILE, 'utf8');
    const without = readRulesTable(text.replace(/^\| `offer\.undo` .*\n/m, ''));
    expect(without.has('offer.undo')).toBe(false);
    const tampered = readRulesTable(text.replace('| `client.erase` | applied | owner_only |', '| `client.erase` | applied | applied |'));
    expect(tampered.get('client.erase')!.outcomes.shared).toBe('applied');
    expect(registryOutcome('client.erase', 'shared')).toBe('owner_only');
  });
});
