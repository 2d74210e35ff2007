// What the case commands (offers, alerts, mandate, price) share: reading their
// arguments, answering each case in input order as one JSON array, and the exit
// codes they promise: 0 all answered, 1 some case refused (its element says
// why), 2 a file or an option is unusable (one line on stderr).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './read-profiles.ts';

/** One case's element, and whether it was answered (false: it carries an error). */
export interface Answer { element: Record<string, unknown>; ok: boolean }

type Options = NonNullable<ParseArgsConfig['options']>;

/** The one FILE and the options, or an InputError with the usage line. */
export function commandArgs<O extends Options>(argv: string[], usage: string, options: O) {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (e) {
    throw new InputError(`${(e as Error).message}; ${usage}`);
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) throw new InputError(usage);
  return { file, values: args.values };
}

/** A --lang option: en or de. */
export function langOption(lang: unknown): 'en' | 'de' {
  if (lang !== 'en' && lang !== 'de') throw new InputError(`--lang must be en or de, not "${String(lang)}"`);
  return lang;
}

/** Prints one element per case and returns the exit code: 1 when any case was refused. */
export function answerCases(cases: readonly unknown[], answer: (input: unknown) => Answer): number {
  let refused = 0;
  const out = cases.map((input) => {
    const r = answer(input);
    if (!r.ok) refused++;
    return JSON.stringify(r.element);
  });
  process.stdout.write(out.length === 0 ? '[]\n' : `[\n${out.join(',\n')}\n]\n`);
  return refused > 0 ? 1 : 0;
}

/** Runs a command's main: its exit code, or 2 with one line on stderr for an unusable file or option. */
export async function runCommand(name: string, main: (argv: string[]) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // One line, so a script calling the command can show it as it is.
    process.stderr.write(`${name}: ${e.message}\n`);
    process.exitCode = 2;
  }
}
