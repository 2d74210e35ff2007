// Reads a request body up to a limit and stops at it: a body over the limit
// is never held in memory, whatever Content-Length said (or did not say).
import type { IncomingMessage } from 'node:http';

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) { chunks.push(chunk); return; }
      // Stop here: what was read is dropped, the rest is never read.
      done();
      req.pause();
      chunks.length = 0;
      resolve({ ok: false, reason: 'too_large' });
    };
    const onEnd = () => { done(); resolve({ ok: true, body: Buffer.concat(chunks) }); };
    const onError = (error: Error) => { done(); reject(error); };
    // The sender went away before the end: nothing to answer.
    const onClose = () => { done(); reject(new Error('The request was cut off before its end.')); };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
