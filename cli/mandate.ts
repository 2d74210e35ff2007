// `npm run --silent mandate -- FILE [--catalog PATH]`: decides, for every case
// in FILE, whether a coach may make a purchase under the client's mandate, and
// prints one JSON array, one element per case in input order (shared/domain/
// coach.md, "The mandate command"). Amounts are euros in and out; the decision
// is made in whole cents by the same core code the device and the backend use.
// Exit 0: all decided; 1: some cases refused (their elements say why); 2: a file or an option is unusable.
import { validateMandateCase } from '#core/coach/mandate-case.ts';
import { decidePurchase } from '#core/coach/purchase.ts';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import { DEFAULT_CATALOGUE, readCases, readCatalogue } from './offers-read.ts';
import { answerCases, commandArgs, runCommand, type Answer } from './cases.ts';

const USAGE = 'usage: npm run --silent mandate -- FILE [--catalog PATH]';
const EXAMPLE = '{"id": "m1", "mandate": {"budget": 100, "period": "month", "areas": ["travel"], "per_purchase_cap": 60, "valid_from": "2027-01-01"}, "purchases": [], "attempt": {"items": ["travel_health_abroad"], "at": "2027-03-20"}}';

const euros = (cents: number | null) => (cents === null ? null : cents / 100);

function element(input: unknown, catalogue: CatalogueDocument): Answer {
  const check = validateMandateCase(input, catalogue);
  if (!check.ok) return { ok: false, element: { id: check.id, error: check.message } };
  const { id, mandate, purchases, attempt } = check.case;
  const d = decidePurchase({ mandate, earlier: purchases, attempt, catalogue });
  return {
    ok: true,
    element: {
      id, decision: d.decision, reason: d.reason, price: euros(d.priceCents), charge: euros(d.chargeCents),
      period: d.period, spent_before: euros(d.spentBeforeCents), remaining_after: euros(d.remainingAfterCents),
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const { file, values } = commandArgs(argv, USAGE, { catalog: { type: 'string', default: DEFAULT_CATALOGUE } });
  const catalogue = await readCatalogue(values.catalog);
  return answerCases(await readCases(file, EXAMPLE), (input) => element(input, catalogue));
}

await runCommand('mandate', main);
