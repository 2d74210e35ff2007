// The new laptop of sync-initial.bench.ts in a process of its own, as a real
// workstation is: enrols with the code, syncs once from an empty encrypted
// book, prints a progress line per 50,000 records pulled, and at the end one
// JSON line with its timings, what it holds and its peak memory (max RSS).
//   node bench/sync-device.ts BACKEND_URL ENROLMENT_CODE
import { performance } from 'node:perf_hooks';
import { manufacturerVersions } from '#db/manufacturer.ts';
import { SyncEngine } from '#services/sync/engine.ts';
import { openTestStore } from '../test/support/book.ts';

const [url, code] = process.argv.slice(2);
const laptop = openTestStore();
let shown = 0;
// Time spent inside HTTP requests (the backend's work and loopback); the rest of the sync is the device's.
let httpMs = 0;
const timedFetch: typeof fetch = async (input, init) => {
  const started = performance.now();
  const res = await fetch(input, init);
  const body = await res.text();
  httpMs += performance.now() - started;
  return new Response(body, { status: res.status, headers: res.headers });
};
const engine = new SyncEngine(laptop.store, {
  fetch: timedFetch,
  onStatus: (s) => {
    const pulled = s.progress?.pulled ?? 0;
    if (pulled >= shown + 50_000) { shown = pulled; process.stdout.write(`${JSON.stringify({ pulled, rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20) })}\n`); }
  },
});
await engine.enrol(url!, code!, 'Laptop');
const t0 = performance.now();
httpMs = 0;
await engine.syncOnce();
const syncMs = performance.now() - t0;
const count = (table: string) => (laptop.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
process.stdout.write(`${JSON.stringify({
  done: true, syncMs, httpMs, phase: engine.getStatus().phase, message: engine.getStatus().message ?? null,
  clients: count('clients'), touchpoints: count('touchpoints'), catalogue: manufacturerVersions(laptop.store).catalogue ?? null,
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
})}\n`);
laptop.close();
