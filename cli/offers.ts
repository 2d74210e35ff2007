// `npm run --silent offers -- FILE [--audience advisor|client] [--catalog PATH] [--lang en|de]`:
// ranks next-best offers for every case in FILE and prints one JSON array,
// one element per case in input order (shared/domain/offers.md, "The offers command").
// Exit 0: all ranked; 1: some cases refused (their elements say why); 2: a file or an option is unusable.
import { rankOffers, validateOfferCase, type Audience } from '#core/offers/index.ts';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import type { Language } from '#core/segments/index.ts';
import { DEFAULT_CATALOGUE, readCases, readCatalogue } from './offers-read.ts';
import { answerCases, commandArgs, langOption, runCommand, type Answer } from './cases.ts';
import { InputError } from './read-profiles.ts';

const USAGE = 'usage: npm run --silent offers -- FILE [--audience advisor|client] [--catalog PATH] [--lang en|de]';

function element(input: unknown, catalogue: CatalogueDocument, audience: Audience, lang: Language): Answer {
  const check = validateOfferCase(input, catalogue);
  if (!check.ok) return { ok: false, element: { id: check.id, error: check.message } };
  const { id, ...request } = check.case;
  return { ok: true, element: { id, ...rankOffers({ ...request, catalogue, audience, lang }) } };
}

async function main(argv: string[]): Promise<number> {
  const { file, values } = commandArgs(argv, USAGE, {
    audience: { type: 'string', default: 'advisor' }, catalog: { type: 'string', default: DEFAULT_CATALOGUE }, lang: { type: 'string', default: 'en' },
  });
  const lang = langOption(values.lang);
  const { audience } = values;
  if (audience !== 'advisor' && audience !== 'client') throw new InputError(`--audience must be advisor or client, not "${audience}"`);
  const catalogue = await readCatalogue(values.catalog);
  return answerCases(await readCases(file), (input) => element(input, catalogue, audience, lang));
}

await runCommand('offers', main);
