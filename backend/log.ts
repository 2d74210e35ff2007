// Structured JSON logs (pino), one object per line on stdout. What may appear
// in them: methods, paths, statuses, durations, ids. What may not: tokens,
// enrolment codes, names, request or response bodies, query parameters.
import { chmodSync, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const settings = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: 'backend' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/**
 * A log file to append to, readable by this user only: it holds ids and paths
 * of other people's data. One an older version left readable to others is tightened.
 */
export function privateLogFile(path: string): WriteStream {
  const stream = createWriteStream(path, { flags: 'a', mode: 0o600 });
  if (process.platform !== 'win32') {
    try { if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600); } catch { /* not there yet: the stream creates it 0600 */ }
  }
  return stream;
}

/**
 * An error reduced to what is safe to log. Database errors from drizzle carry
 * the failed query with its parameters (which may hold names or hashes): only
 * the underlying error's class, code and message are kept.
 */
export function safeError(error: unknown): { name: string; code?: string; message: string; stack?: string } {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error && root.message.startsWith('Failed query')) root = root.cause;
  if (!(root instanceof Error)) return { name: typeof root, message: 'non-error thrown' };
  const code = (root as { code?: unknown }).code;
  return {
    name: root.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: root.message.startsWith('Failed query') ? 'database query failed' : root.message,
    stack: root.stack?.split('\n').slice(1).join('\n'),
  };
}
