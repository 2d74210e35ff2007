// `npm run --silent offers -- FILE [--audience advisor|client] [--catalog PATH] [--lang en|de]`:
// ranks next-best offers for every case in FILE and prints one JSON array,
// one element per case in input order (shared/domain/offers.md, "The offers command").
// Exit 0: all ranked; 1: some cases refused (their elements say why); 2: a file or an option is unusable.
import { parseArgs } from 'node:util';
import { rankOffers, validateOfferCase, type Audience } from '#core/offers/index.ts';
import type { CatalogueDocument } from '#core/manufacturer.ts';
import type { Lang } from '#core/segments/index.ts';
import { DEFAULT_CATALOGUE, readCases, readCatalogue } from './offers-read.ts';
import { InputError } from './read-profiles.ts';

const USAGE = 'usage: npm run --silent offers -- FILE [--audience advisor|client] [--catalog PATH] [--lang en|de]';

function element(input: unknown, catalogue: CatalogueDocument, audience: Audience, lang: Lang): { element: Record<string, unknown>; ok: boolean } {
  const check = validateOfferCase(input, catalogue);
  if (!check.ok) return { ok: false, element: { id: check.id, error: check.message } };
  const { id, ...request } = check.case;
  return { ok: true, element: { id, ...rankOffers({ ...request, catalogue, audience, lang }) } };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv, allowPositionals: true,
      options: { audience: { type: 'string', default: 'advisor' }, catalog: { type: 'string', default: DEFAULT_CATALOGUE }, lang: { type: 'string', default: 'en' } },
    });
  } catch (e) {
    throw new InputError(`${(e as Error).message}; ${USAGE}`);
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new InputError(USAGE);
  const { audience, lang, catalog } = args.values;
  if (lang !== 'en' && lang !== 'de') throw new InputError(`--lang must be en or de, not "${lang}"`);
  if (audience !== 'advisor' && audience !== 'client') throw new InputError(`--audience must be advisor or client, not "${audience}"`);
  const catalogue = await readCatalogue(catalog);
  const cases = await readCases(file);
  let refused = 0;
  const out = cases.map((input) => {
    const r = element(input, catalogue, audience, lang);
    if (!r.ok) refused++;
    return JSON.stringify(r.element);
  });
  process.stdout.write(out.length === 0 ? '[]\n' : `[\n${out.join(',\n')}\n]\n`);
  return refused > 0 ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  // One line, so a script calling the command can show it as it is.
  process.stderr.write(`offers: ${e.message}\n`);
  process.exitCode = 2;
}
