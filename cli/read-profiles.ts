// Reads the segment command's input: a JSON array of profiles, or a CSV export
// with one column per attribute. Problems with the file as a whole are
// InputErrors (the command exits 2); problems with one profile are left to
// the engine's validation so the other profiles are still ranked.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse';

export class InputError extends Error {}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new InputError(`cannot read ${file}: ${why}`);
  }
}

export async function* readJsonProfiles(file: string): AsyncGenerator<unknown> {
  const text = await readText(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON (${(e as Error).message}): give a JSON array of profiles`);
  }
  if (!Array.isArray(data)) throw new InputError(`${file} is not a JSON array: give an array of profiles like [{"id": "p1", "trust_anchor": "self"}]`);
  yield* data;
}

/** One row per profile: an `id` column, one column per attribute, `life_events` split by "|", an empty cell = not answered. */
export async function* readCsvProfiles(file: string): AsyncGenerator<unknown> {
  const text = await readText(file);
  // csv-parse handles quoting, embedded commas and line breaks, BOMs and CRLF, which an export from a spreadsheet brings.
  const rows = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true });
  try {
    for await (const row of rows as AsyncIterable<Record<string, string>>) {
      const profile: Record<string, unknown> = {};
      for (const [column, cell] of Object.entries(row)) {
        if (cell === '') continue;
        profile[column] = column === 'life_events' ? cell.split('|').map((e) => e.trim()).filter((e) => e !== '') : cell;
      }
      yield profile;
    }
  } catch (e) {
    throw new InputError(`${file} is not a readable CSV file: ${(e as Error).message}`);
  }
}
