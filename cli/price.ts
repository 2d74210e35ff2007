// `npm run --silent price -- FILE [--catalog PATH]`: decides, for every case in
// FILE, a retailer's chosen price against the granted range (or the retailer's
// range in the catalogue, or the list price) and prints one JSON array, one
// element per case in input order (shared/domain/retail.md, "The price
// command"), with the same core code the device and the backend decide with.
// Exit 0: all decided; 1: some cases were bad input (their elements say why); 2: a file or an option is unusable.
import { decidePrice } from '#core/retail/price.ts';
import { validatePriceCase } from '#core/retail/price-case.ts';
import { answerCases, commandArgs, runCommand } from './cases.ts';
import { DEFAULT_CATALOGUE, readCases, readCatalogueWithRanges } from './offers-read.ts';

const USAGE = 'usage: npm run --silent price -- FILE [--catalog PATH]';
const EXAMPLE = '{"id": "p1", "retailer": "retailer_oeko_haus", "product": "green_household", "chosen": 13.5, "reason": "client_value", "at": "2027-03-01"}';

async function main(argv: string[]): Promise<number> {
  const { file, values } = commandArgs(argv, USAGE, { catalog: { type: 'string', default: DEFAULT_CATALOGUE } });
  const { catalogue, priceRanges } = await readCatalogueWithRanges(values.catalog);
  return answerCases(await readCases(file, EXAMPLE), (input) => {
    const check = validatePriceCase(input, catalogue, priceRanges);
    if (!check.ok) return { ok: false, element: { id: check.id, error: check.message } };
    const d = decidePrice(check.case.range, check.case.attempt);
    return { ok: true, element: { id: check.case.id, decision: d.decision, code: d.code, deviation: d.deviationCents / 100 } };
  });
}

await runCommand('price', main);
