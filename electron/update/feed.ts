// The manufacturer's update feed: a plain web folder (electron-builder's
// "generic" provider) with latest.yml (Windows), latest-mac.yml and
// latest-linux.yml beside the installers. Read and checked here, the same way
// electron-updater reads it, so the policy (policy.ts) decides on what the
// feed really says; a downloaded file is accepted only with the SHA-512 the
// feed names.
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { z } from 'zod';
import type { UpdateOffer } from './policy.ts';

/** electron-builder's file name of the feed, per platform. */
export function feedFileOf(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'latest.yml' : platform === 'darwin' ? 'latest-mac.yml' : 'latest-linux.yml';
}

const feedSchema = z.object({
  version: z.string(),
  files: z.array(z.object({ url: z.string(), sha512: z.string().optional(), size: z.number().optional() })).default([]),
  releaseNotes: z.union([z.string(), z.array(z.object({ version: z.string(), note: z.string().nullable() }))]).optional(),
  releaseDate: z.string().optional(),
  minimumVersion: z.string().optional(),
}).loose();

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

/** The feed's folder as a URL ending in /, checked: encrypted, or a server on this computer. */
export function feedFolder(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    throw new FeedError(`"${baseUrl}" is not a web address: write it as https://updates.example.com/advisor-workstation/.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))) {
    throw new FeedError(`The update address ${url.origin} is not encrypted: use https:// (http:// only for a server on this computer).`);
  }
  return url;
}

/** The feed's offer for this platform; a feed that cannot be read or is not one says what is wrong. */
export async function readFeed(baseUrl: string, platform: NodeJS.Platform, fetchImpl: typeof fetch = fetch): Promise<UpdateOffer> {
  const url = new URL(feedFileOf(platform), feedFolder(baseUrl));
  const response = await fetchImpl(url, { headers: { 'cache-control': 'no-cache' } });
  if (!response.ok) throw new FeedError(`The update feed answered ${response.status} for ${url.pathname}.`);
  let data: unknown;
  try {
    data = parse(await response.text());
  } catch {
    throw new FeedError(`${url.pathname} is not a YAML file.`);
  }
  const feed = feedSchema.safeParse(data);
  if (!feed.success) throw new FeedError(`${url.pathname} is not an update feed: ${feed.error.issues[0]?.message ?? 'unknown shape'}.`);
  return offerOf(feed.data, url);
}

/** A feed's contents as read here, or as electron-updater hands them on (its UpdateInfo). */
export interface FeedInfo {
  version: string;
  files?: readonly { url: string; sha512?: string | null; size?: number | null }[];
  releaseNotes?: unknown;
  releaseDate?: unknown;
  minimumVersion?: unknown;
}

/** The policy's view of a feed; file addresses resolved against the feed's own when it is known. */
export function offerOf(info: FeedInfo, base: URL | null): UpdateOffer {
  const notes = info.releaseNotes;
  const text = typeof notes === 'string' ? notes
    : Array.isArray(notes) ? notes.map((n: { note?: string | null }) => n?.note ?? '').filter(Boolean).join('\n\n') : null;
  return {
    version: info.version,
    releaseNotes: text || null,
    releaseDate: typeof info.releaseDate === 'string' ? info.releaseDate : null,
    minimumVersion: typeof info.minimumVersion === 'string' ? info.minimumVersion : null,
    files: (info.files ?? []).map((f) => ({ url: base ? new URL(f.url, base).href : f.url, sha512: f.sha512 ?? null, size: f.size ?? null })),
  };
}

/** Whether downloaded bytes are the file the feed names (SHA-512, base64, as electron-builder writes it). */
export function matchesChecksum(bytes: Uint8Array, sha512: string): boolean {
  return createHash('sha512').update(bytes).digest('base64') === sha512;
}
