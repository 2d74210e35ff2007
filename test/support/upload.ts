// Streams a large request body as fast as the server takes it and stops as
// soon as it answers: how far the upload got shows whether the server read
// it all before refusing.
import { request, type OutgoingHttpHeaders } from 'node:http';

export interface UploadResult { status: number | undefined; body: string; sent: number }

export function upload(port: number, path: string, headers: OutgoingHttpHeaders, total: number): Promise<UploadResult> {
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | undefined;
    let body = '';
    let settled = false;
    const finish = () => { if (!settled) { settled = true; resolve({ status, body, sent }); } };
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', finish);
      res.on('error', finish);
    });
    // A server that hangs up after answering makes further writes fail: that ends the upload too.
    req.on('error', finish);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (status === undefined && !settled && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) { req.once('drain', pump); return; }
      }
      if (sent >= total) req.end();
    };
    pump();
  });
}
