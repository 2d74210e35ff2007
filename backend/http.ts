// The backend's HTTP conventions. Every error is JSON of one shape,
// `{ error, message, issues? }`: `error` a stable code for programs, `message`
// a sentence for people saying what is wrong and what to do. Inputs are read
// through zod schemas; a body that is not JSON or not of the right shape is a
// 400 that names each problem.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

export interface Issue { path: string; message: string }

export interface ErrorBody { error: string; message: string; issues?: Issue[] }

/** An error a route throws on purpose; app.ts turns it into its JSON response. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues?: Issue[];
  readonly headers?: Record<string, string>;
  constructor(status: ContentfulStatusCode, code: string, message: string, extra: { issues?: Issue[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.issues = extra.issues;
    this.headers = extra.headers;
  }

  body(): ErrorBody {
    return { error: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

export function invalidInput(issues: Issue[]): HttpError {
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new HttpError(400, 'invalid_request', message, { issues });
}

export function issuesOf(error: z.ZodError, root: string): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : root,
    message: issue.message,
  }));
}

/** Parses `input` with `schema` or throws a 400 listing what is wrong. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, root: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(issuesOf(result.error, root));
  return result.data;
}

/** The request body, as JSON, checked against `schema`. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parse(schema, await readJson(c), 'body');
}

/** The request body parsed as JSON, or a 400 saying why it is not. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw invalidInput([{ path: 'body', message: 'must be JSON, sent with the header Content-Type: application/json' }]);
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    // The parser's own message quotes the body, which may hold a secret: say only where.
    throw invalidInput([{ path: 'body', message: text.trim() === '' ? 'is empty: send a JSON object' : 'is not valid JSON' }]);
  }
}

/** Free text that must be present: trimmed, 1..max characters, no control characters. */
export const requiredName = (example: string, max: number) =>
  z.string({ error: (issue) => (issue.input === undefined ? `is missing: send a name such as "${example}"` : 'must be a string') })
    .trim()
    .min(1, { error: 'may not be empty' })
    .max(max, { error: `is too long: at most ${max} characters` })
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'may not contain control characters' });

export const uuidParam = () => z.uuid({ error: 'must be a UUID like 0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f' });
