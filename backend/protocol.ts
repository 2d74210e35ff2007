// Reads the sync requests (the schemas of core/sync/protocol.ts, shared with
// the device) and turns zod's generic complaints into messages that say what
// is wrong and what to do: a workstation developer reads them in a log.
import type { Context } from 'hono';
import type { z } from 'zod';
import { PUSH_BATCH_MAX, pullRequest, pushRequest } from '#core/sync/protocol.ts';
import { invalidInput, issuesOf, readJson } from './http.ts';

const KINDS: Record<string, string> = {
  string: 'a string', number: 'a number', int: 'a whole number', array: 'a list', object: 'an object', boolean: 'true or false',
};

function explain(issue: z.core.$ZodRawIssue, example: string): string | undefined {
  const at = issue.path?.join('.') ?? '';
  switch (issue.code) {
    case 'invalid_type':
      if (at === '') return `must be a JSON object like ${example}`;
      if (issue.input === undefined) return at === 'cursor' ? 'is missing: send the cursor of your last pull, or null to start from the beginning' : 'is missing';
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (at === 'mutations') return `has ${(issue.input as unknown[]).length} mutations: send at most ${PUSH_BATCH_MAX} per push, the rest in the next one`;
      if (issue.origin === 'string') return `is too long: at most ${issue.maximum} characters`;
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'too_small':
      if (at === 'mutations') return 'is empty: send at least one mutation';
      if (issue.origin === 'string') return 'may not be empty';
      return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must be at least ${issue.minimum}`;
    default:
      return undefined;
  }
}

async function read<S extends z.ZodType>(c: Context, schema: S, example: string): Promise<z.output<S>> {
  const result = schema.safeParse(await readJson(c), { error: (issue) => explain(issue, example) });
  if (result.success) return result.data;
  const issues = issuesOf(result.error, 'body').map((i) => (
    // hlcStamp carries its own code for the device's validation: say here what a stamp looks like.
    i.message === 'invalid_value' && i.path.endsWith('.hlc') ? { ...i, message: 'must be a clock stamp like 001772442000000:00000:device-id' } : i));
  throw invalidInput(issues);
}

export const readPush = (c: Context) => read(c, pushRequest, '{"mutations": [{"seq", "mutationId", "name", "args", "hlc", "at"}]}');
export const readPull = (c: Context) => read(c, pullRequest, '{"cursor": null, "limit": 1000}');
