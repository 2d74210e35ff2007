// import: a client list of IMPORT_ROWS rows (default 100,000) as an Excel
// workbook with German headers, brought in through the shipped browser-mode
// host as the import screen does it: open (the file sent and read), check,
// apply. Baseline, in the same run: the bulk loader the demo book uses,
// loading the same number of clients into a fresh encrypted book (no rules,
// no outbox): what writing the rows costs at the least.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bulkLoad } from '#db/bulk.ts';
import { openDatabase } from '#db/open.ts';
import { generateDemoBook } from '#demo/generate.ts';
import { DEMO_SEED } from '#demo/index.ts';
import { writeLargeWorkbook } from '../test/support/client-lists.ts';
import { tempDir } from '../test/support/book.ts';
import { connect } from '../test/support/rpc.ts';
import { buildHost, note, progress, report, round, startServer } from './lib.ts';

const ROWS = Number(process.env.IMPORT_ROWS ?? 100_000);
const dir = tempDir('aw-bench-import-');
buildHost();

note(`import: writing a workbook of ${ROWS} rows`);
const file = join(dir.dir, 'Kundenliste.xlsx');
await writeLargeWorkbook(file, ROWS, (done) => progress('rows written', done, ROWS));
const bytes = readFileSync(file);

const server = startServer(join(dir.dir, 'data'), { AW_DEMO_CLIENTS: '0' });
const rpc = await connect(await server.url);
await rpc.session.setup({ displayName: 'Bench', roles: ['advisor'], locale: 'de', demoBook: false });

note(`import: ${(bytes.length / 1e6).toFixed(1)} MB through the contract`);
const t0 = performance.now();
let importId = '';
let mapping = {};
for await (const e of await rpc.lists.open({ fileName: 'Kundenliste.xlsx', base64: bytes.toString('base64') })) {
  if (e.type === 'reading') progress('read %', Math.round(e.fraction * 100), 100);
  else ({ importId, mapping } = e.list);
}
const t1 = performance.now();
const check = await rpc.lists.check({ importId, mapping });
const t2 = performance.now();
let created = 0;
for await (const e of await rpc.lists.apply({ importId, mapping, merge: [] })) {
  if (e.type === 'progress') progress(e.phase, e.done, e.total);
  else created = e.created;
}
const t3 = performance.now();
const inBook = (await rpc.session.status()).clients;
server.child.kill('SIGTERM');
await new Promise((r) => server.child.once('exit', r));
if (created !== ROWS || check.refused.length > 0 || inBook !== ROWS) throw new Error(`imported ${created} of ${ROWS} (refused ${check.refused.length}, in the book ${inBook})`);

note(`import: baseline, bulk loading ${ROWS} clients`);
const book = generateDemoBook({ seed: DEMO_SEED, clients: ROWS, now: Date.now(), ownerId: 'bench-advisor' });
const { sqlite } = openDatabase({ path: join(dir.dir, 'bulk.db'), key: randomBytes(32) });
const b0 = performance.now();
bulkLoad(sqlite, { clients: book.clients });
const baselineS = (performance.now() - b0) / 1000;
sqlite.close();
dir.cleanup();

const seconds = (t3 - t0) / 1000;
report({
  bench: 'import', rows: ROWS, file_mb: round(bytes.length / 1e6, 1),
  read_s: round((t1 - t0) / 1000, 2), check_s: round((t2 - t1) / 1000, 2), apply_s: round((t3 - t2) / 1000, 2), seconds: round(seconds, 2),
  rows_per_s: round(ROWS / seconds, 0), baseline_s: round(baselineS, 2), baseline_rows_per_s: round(ROWS / baselineS, 0), ratio: round(seconds / baselineS, 2),
});
