// Browser mode with its demo backend beside it (`npm start`). Without
// AW_BACKEND=none, the workstation is enrolled with the embedded backend on
// first start, so sync runs from the first minute. An enrolment with another
// backend, made on the sync screen, is left alone.
import { join } from 'node:path';
import type { BrowserModeOptions } from '../host/start.ts';
import { startDemoBackend, type DemoBackend } from './demo-backend.ts';

type Host = typeof import('../host/start.ts');
const DEMO_FLAG = 'demo_backend';

export async function startWithDemoBackend(host: Host, options: BrowserModeOptions = {}) {
  if (process.env.AW_BACKEND === 'none') {
    const running = await host.startBrowserMode(options);
    return { ...running, demo: null as DemoBackend | null, stop: async () => running.stop() };
  }
  const dataDir = host.resolveDataDir(options.dataDir);
  const demo = await startDemoBackend(join(dataDir, 'backend'));
  let adopt = () => {};
  const running = await host.startBrowserMode({ ...options, dataDir, onDemoBookLoaded: () => adopt() });
  // Beside the app's link: where the manufacturer decides the approvals the demo retailer asks for.
  console.log(`Konsole des Herstellers: ${demo.console.url}  (${demo.console.user} / ${demo.console.password})`);
  const { store, sync } = running.workstation;
  adopt = () => {
    demo.adoptDemoBook(store.db).then(() => demo.sendDemoSignals(store.db)).then(() => sync.syncNow(), (error: unknown) => {
      console.error(`The demo backend could not take the demo book: ${(error as Error).message}`);
    });
  };
  if (!sync.enrolled()) {
    await sync.enrol(demo.url, await demo.enrolmentCode(), 'Dieser Rechner (Demo)');
    store.writeState(DEMO_FLAG, '1');
  } else if (store.readState(DEMO_FLAG) === '1') {
    // The demo backend may have had to take another port this time.
    store.writeState('backend_url', new URL(demo.url).toString());
  }
  return { ...running, demo, stop: async () => { running.stop(); await demo.close(); } };
}
