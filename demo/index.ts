// Loads the demo book into a fresh local database, so a newcomer sees a living
// app: clients with histories, meetings, open follow-ups. It stands for the
// book a device receives on its first sync, so it is written as synced rows
// (version 1, no outbox entries), not as local changes.
import { bulkLoad, type BulkCounts } from '#db/bulk.ts';
import type { Sqlite } from '#db/open.ts';
import { generateDemoBook } from './generate.ts';
import { demoConclusions } from './conclusions.ts';

export const DEMO_SEED = 20261123;
export const DEMO_CLIENTS = 2000;

export interface LoadDemoOptions {
  clients?: number;
  seed?: number;
  /** The instant the book is generated for: every event lies before it. */
  now?: number;
  /** The advisor who owns the book. */
  ownerId: string;
  /** Their name, as the book's advice records give it. */
  advisorName?: string;
  onProgress?: (done: number, total: number) => void;
}

export type DemoCounts = Pick<BulkCounts, 'clients' | 'meetings' | 'answers' | 'touchpoints' | 'tasks' | 'consents' | 'holdings' | 'adviceRecords' | 'mandates'>;

export function loadDemoBook(sqlite: Sqlite, options: LoadDemoOptions): DemoCounts {
  const { clients = DEMO_CLIENTS, seed = DEMO_SEED, now = Date.now(), ownerId, advisorName, onProgress } = options;
  const book = generateDemoBook({ seed, clients, now, ownerId, advisorName });
  const counts = bulkLoad(sqlite, book, onProgress);
  // Drawn from the book's answers; loaded on their own so the progress above still counts the book itself.
  bulkLoad(sqlite, { conclusions: demoConclusions(book, { seed, ownerId }) });
  return {
    clients: counts.clients, meetings: counts.meetings, answers: counts.answers,
    touchpoints: counts.touchpoints, tasks: counts.tasks, consents: counts.consents, holdings: counts.holdings,
    adviceRecords: counts.adviceRecords, mandates: counts.mandates,
  };
}

export { generateDemoBook, type DemoBook, type DemoOptions } from './generate.ts';
