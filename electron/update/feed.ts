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

/** The feed's offer for this platform; a feed that cannot be read or is not one says what is wrong. */
export async function readFeed(baseUrl: string, platform: NodeJS.Platform, fetchImpl: typeof fetch = fetch): Promise<UpdateOffer> {
  const url = new URL(feedFileOf(platform), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new FeedError(`The update address ${url.origin} is not encrypted: use https:// (http:// only for a server on this computer).`);
  }
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
  const notes = feed.data.releaseNotes;
  return {
    version: feed.data.version,
    releaseNotes: typeof notes === 'string' ? notes : notes?.map((n) => n.note ?? '').filter(Boolean).join('\n\n') ?? null,
    releaseDate: feed.data.releaseDate ?? null,
    minimumVersion: feed.data.minimumVersion ?? null,
    files: feed.data.files.map((f) => ({ url: new URL(f.url, url).href, sha512: f.sha512 ?? null, size: f.size ?? null })),
  };
}

/** Whether downloaded bytes are the file the feed names (SHA-512, base64, as electron-builder writes it). */
export function matchesChecksum(bytes: Uint8Array, sha512: string): boolean {
  return createHash('sha512').update(bytes).digest('base64') === sha512;
}
