// `npm run --silent segment -- FILE [--csv] [--lang de]`: ranks the segments of
// every profile in FILE and prints one JSON array, one element per profile in
// input order (shared/domain/profile.md, "The segment command").
// Exit 0: all ranked; 1: some profiles refused (their elements say why); 2: the file itself is unusable.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Language } from '#core/segments/index.ts';
import { segmentElement } from './format.ts';
import { InputError, readCsvProfiles, readJsonProfiles } from './read-profiles.ts';

const USAGE = 'usage: npm run --silent segment -- FILE [--csv] [--lang en|de]';

/** Waits when the reader is slower, so 100,000 profiles never pile up in memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { csv: { type: 'boolean' }, lang: { type: 'string', default: 'en' } } });
  } catch (e) {
    throw new InputError(`${(e as Error).message}; ${USAGE}`);
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new InputError(USAGE);
  const lang = args.values.lang;
  if (lang !== 'en' && lang !== 'de') throw new InputError(`--lang must be en or de, not "${lang}"`);

  const profiles = args.values.csv ? readCsvProfiles(file) : readJsonProfiles(file);
  let refused = 0;
  let count = 0;
  // Output goes out in pieces of about 64 KB: one write per profile is slow, one string for all is huge.
  let buffer = '';
  for await (const input of profiles) {
    const { element, ok } = segmentElement(input, lang as Language);
    if (!ok) refused++;
    buffer += (count++ === 0 ? '[\n' : ',\n') + JSON.stringify(element);
    if (buffer.length > 1 << 16) { await write(buffer); buffer = ''; }
  }
  await write(`${count === 0 ? '[' : buffer}\n]\n`);
  return refused > 0 ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof InputError)) throw e;
  // One line, so a script calling the command can show it as it is.
  process.stderr.write(`segment: ${e.message}\n`);
  process.exitCode = 2;
}
