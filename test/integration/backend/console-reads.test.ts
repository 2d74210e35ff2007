// What the console reads besides approvals: the published documents with
// their versions and times, the learned propensities, the signals per
// integration with what was dropped and why, and the newest ratings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#backend/app.ts';
import { setConsolePassword } from '#backend/console/password.ts';
import { createIntegration } from '#backend/integrations.ts';
import { publishCatalogue, publishDocument, readCatalogueFile, SEED_CATALOGUE, setRetailer } from '#backend/manufacturer.ts';
import { rateAllRetailers } from '#backend/rating.ts';
import { receiveSignals } from '#backend/signals.ts';
import { consoleAt } from './console-support.ts';
import { testBackend } from './support.ts';

let t: Awaited<ReturnType<typeof testBackend>>;
let desk: ReturnType<typeof consoleAt>;

beforeAll(async () => {
  t = await testBackend();
  const app = createApp({ db: t.db, logger: t.log.logger, clock: t.clock });
  const hanna = await t.person('Hanna Hersteller', ['manufacturer']);
  await setConsolePassword(t.db, hanna.id, 'Apfelbaum im Hof 12', t.clock.now());
  desk = consoleAt('http://localhost', (r) => app.request(r));
  expect((await desk.signIn('Hanna Hersteller', 'Apfelbaum im Hof 12')).status).toBe(204);
});
afterAll(async () => { await t?.dispose(); });

describe('the console reads', () => {
  it('documents: each kind with its versions and when each was published, price ranges included', async () => {
    expect(await desk.api.documents()).toEqual([]);
    await publishCatalogue(t.db, readCatalogueFile(SEED_CATALOGUE), t.clock.now());
    t.clock.advance(60_000);
    await publishCatalogue(t.db, readCatalogueFile(SEED_CATALOGUE), t.clock.now());
    const docs = await desk.api.documents();
    expect(docs.filter((d) => d.kind === 'catalogue')).toEqual([
      { kind: 'catalogue', version: 2, publishedAt: t.clock.now().getTime() }, { kind: 'catalogue', version: 1, publishedAt: t.clock.now().getTime() - 60_000 },
    ]);
    expect(docs.filter((d) => d.kind === 'price_ranges').map((d) => d.version)).toEqual([2, 1]);
  });

  it('propensities: every version with its outcomes, and the newest rates', async () => {
    const body = (n: number) => ({ rates: { convenient_non_searcher: { legal_protection: 0.4 } }, outcomes: { convenient_non_searcher: { legal_protection: n } }, prior: { mean: 0.3, strength: 10 }, learnedAt: t.clock.now().toISOString() });
    await publishDocument(t.db, 'propensities', body(3), t.clock.now());
    await publishDocument(t.db, 'propensities', body(7), t.clock.now());
    const p = await desk.api.propensities();
    expect(p.versions.map((v) => [v.version, v.outcomes])).toEqual([[2, 7], [1, 3]]);
    expect(p.rates).toEqual({ convenient_non_searcher: { legal_protection: 0.4 } });
  });

  it('signals: per integration, received and dropped per reason', async () => {
    const { integration } = await createIntegration(t.db, 'Assistent', t.clock.now());
    await receiveSignals(t.db, integration.id, [{ client: '0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f', signals: [
      { id: 's1', kind: 'moving', observed_at: t.clock.now().toISOString(), confidence: 0.9, evidence: 'Umzugskartons bestellt' },
    ] }] as never, t.clock.now());
    expect(await desk.api.signals({})).toEqual([expect.objectContaining({ integration: 'Assistent', revoked: false, received: 1, kept: 0, alerts: 0, dropped: expect.objectContaining({ unknown_client: 1 }) })]);
  });

  it('ratings: none before the first run, then the newest run with when it was computed', async () => {
    expect(await desk.api.ratings()).toEqual({ computedAt: null, ratings: [] });
    const rita = await t.person('Rita Reiter', ['retailer']);
    await setRetailer(t.db, rita.id, 'retailer_oeko_haus', t.clock.now());
    await rateAllRetailers(t.db, t.clock.now());
    expect(await desk.api.ratings()).toEqual({ computedAt: t.clock.now().getTime(), ratings: [expect.objectContaining({ retailerId: 'retailer_oeko_haus', rating: 'none' })] });
  });
});
