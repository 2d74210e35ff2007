// docs/rules.md is the rules as people read them; core/mutations/registry.ts
// is the rules as device and backend apply them. They must say the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALERT_OUTCOMES } from '#core/coach/records.ts';
import { consentsNeeded, MUTATION_NAMES, REGISTRY, type MutationRule } from '#core/mutations/registry.ts';
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
      const { consents } = REGISTRY[name] as MutationRule;
      if (typeof consents !== 'function') {
        expect(row.when).toBeNull();
        expect(row.consents).toEqual([...consents]);
        return;
      }
      // A consent that depends on the outcome: the row names exactly the outcomes that need it.
      expect(row.when, `docs/rules.md: ${name} needs its consents only for some outcomes: name them in brackets`).not.toBeNull();
      for (const outcome of ALERT_OUTCOMES) {
        expect(consentsNeeded(name, { outcome }), `${name} with outcome ${outcome}`).toEqual(row.when!.includes(outcome) ? row.consents : []);
      }
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
