// Where this computer looks for updates. The manufacturer's address is packed
// into the app at build time (electron-builder's `publish`, read by
// electron-updater from app-update.yml); an administrator may set another for
// one computer: AW_UPDATE_FEED in the environment, or update-feed.json in the
// app's data folder ({ "url": "https://…" }). A set address that is not a
// valid, encrypted one turns updates off with a message, rather than falling
// back to an address nobody chose.
import { join } from 'node:path';
import { FeedError, feedFolder } from './feed.ts';

export const FEED_FILE = 'update-feed.json';

export type FeedAddress =
  | { kind: 'packaged' }
  | { kind: 'set'; url: string; from: string }
  | { kind: 'invalid'; problem: string; from: string };

export function feedAddress(env: Record<string, string | undefined>, userData: string, readText: (path: string) => string | null): FeedAddress {
  const file = join(userData, FEED_FILE);
  let raw: string | undefined = env.AW_UPDATE_FEED?.trim() || undefined;
  let from = 'AW_UPDATE_FEED';
  if (raw === undefined) {
    const text = readText(file);
    if (text === null) return { kind: 'packaged' };
    from = file;
    try {
      const parsed: unknown = JSON.parse(text);
      raw = typeof parsed === 'object' && parsed !== null && typeof (parsed as { url?: unknown }).url === 'string' ? (parsed as { url: string }).url : undefined;
    } catch { /* said below */ }
    if (raw === undefined) return { kind: 'invalid', problem: `${file} must hold {"url": "https://…"}.`, from };
  }
  try {
    return { kind: 'set', url: feedFolder(raw).href, from };
  } catch (error) {
    return { kind: 'invalid', problem: error instanceof FeedError ? error.message : String(error), from };
  }
}
