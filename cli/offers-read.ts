// Reads what the offers, alerts and mandate commands work on: the cases file
// (a JSON array) and the catalogue (a manufacturer's catalogue file, checked
// like the backend checks one before publishing). Problems with either file as
// a whole are InputErrors (exit 2); a bad case is left to the engine's check
// so the other cases are still answered.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { catalogueFile, splitCatalogueFile, type CatalogueDocument, type PriceRange } from '#core/manufacturer.ts';
import { InputError } from './read-profiles.ts';

/** The demo catalogue the app ships. */
export const DEFAULT_CATALOGUE = fileURLToPath(new URL('../backend/seed/catalog.json', import.meta.url));

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new InputError(`cannot read ${what} ${file}: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${what} ${file} is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/** `example`: one case as the command takes it, for the message when the file is no array. */
export async function readCases(file: string, example = '{"id": "c1", "profile": {}, "owned": [], "consent": {"profiling": true}}'): Promise<unknown[]> {
  const data = await readJson(file, 'cases file');
  if (!Array.isArray(data)) throw new InputError(`${file} is not a JSON array: give an array of cases like [${example}]`);
  return data;
}

export async function readCatalogue(file: string): Promise<CatalogueDocument> {
  return (await readCatalogueWithRanges(file)).catalogue;
}

/** The catalogue and every retailer's granted price ranges (the `price` command decides against them). */
export async function readCatalogueWithRanges(file: string): Promise<{ catalogue: CatalogueDocument; priceRanges: PriceRange[] }> {
  const checked = catalogueFile.safeParse(await readJson(file, 'catalogue'));
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const more = checked.error.issues.length > 1 ? ` (and ${checked.error.issues.length - 1} more problems)` : '';
    const what = /received undefined$/.test(issue.message) ? 'is missing' : issue.message;
    throw new InputError(`catalogue ${file} is not a valid catalogue file: ${issue.path.join('.') || 'the file'} ${what}${more}`);
  }
  return splitCatalogueFile(checked.data);
}
