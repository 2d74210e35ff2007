// Serves the backend over HTTP and stops it gracefully: on close it stops
// accepting connections, lets requests in flight finish (up to a grace
// period), then closes the database pool.
import { serve, type ServerType } from '@hono/node-server';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { learnPropensities } from './learn.ts';
import { rateAllRetailers } from './rating.ts';
import { purgeRestricted } from './retention.ts';
import { createApp } from './app.ts';
import { systemClock, type Clock } from './clock.ts';
import { connect, type BackendDatabase } from './db/connect.ts';
import { createLogger, safeError, type Logger } from './log.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;

export interface Listening {
  url: string;
  port: number;
  /** Stops accepting, finishes requests in flight, then resolves. Safe to call twice. */
  close(): Promise<void>;
}

/** Serves any fetch-style app (the backend's, or a test's) on host:port. */
export async function listen(app: { fetch: (request: Request) => Response | Promise<Response> }, options: {
  host?: string; port?: number; logger: Logger; graceMs?: number;
}): Promise<Listening> {
  const host = options.host ?? DEFAULT_HOST;
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) => {
      // The code stays on the error: a caller that can take another port (npm start) decides by it.
      reject(error.code === 'EADDRINUSE'
        ? Object.assign(new Error(`Port ${options.port} on ${host} is in use: stop the other process or choose another PORT.`), { code: error.code })
        : error);
    });
  }) as Server;
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  // Responses being written, so that closing can turn their keep-alive off.
  const active = new Set<ServerResponse>();
  let closing: Promise<void> | undefined;
  server.on('request', (_req, res) => {
    active.add(res);
    if (closing) res.setHeader('connection', 'close');
    res.once('close', () => {
      active.delete(res);
      if (closing) server.closeIdleConnections();
    });
  });

  const close = () => (closing ??= new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      options.logger.warn('shutdown: requests still running after the grace period were cut off');
      server.closeAllConnections();
    }, options.graceMs ?? 10_000);
    force.unref();
    // Stop accepting; resolve once every connection has ended. Idle keep-alive
    // connections close now, busy ones as soon as their response is sent.
    server.close(() => { clearTimeout(force); resolve(); });
    for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
    server.closeIdleConnections();
  }));
  return { url, port, close };
}

export interface BackendOptions {
  databaseUrl?: string;
  dataDir?: string;
  host?: string;
  port?: number;
  logger?: Logger;
  clock?: Clock;
  graceMs?: number;
  /** Learn acceptance rates from recorded outcomes and rate the retailers this often (learn.ts, rating.ts); off when not set. */
  learnEveryMs?: number;
}

/** How often a served backend learns from outcomes unless told otherwise (LEARN_EVERY_MINUTES). */
export const DEFAULT_LEARN_EVERY_MS = 10 * 60_000;

/** How often a served backend deletes restricted advice records whose retention has ended. */
export const PURGE_EVERY_MS = 24 * 3600_000;

export interface RunningBackend extends Listening {
  database: BackendDatabase;
}

/** Opens the database (migrating it), builds the app and serves it. */
export async function startBackend(options: BackendOptions = {}): Promise<RunningBackend> {
  const logger = options.logger ?? createLogger();
  const database = await connect({
    url: options.databaseUrl,
    dataDir: options.dataDir,
    onError: (error) => logger.error({ err: safeError(error) }, 'database pool error'),
  });
  let listening: Listening;
  try {
    const app = createApp({ db: database.db, logger, clock: options.clock ?? systemClock });
    listening = await listen(app, { host: options.host, port: options.port, logger, graceMs: options.graceMs });
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.info({ url: listening.url, db: database.kind }, 'listening');
  const clock = options.clock ?? systemClock;
  // The retailers' ratings are computed beside learning: both read what the devices pushed since.
  const rate = () => rateAllRetailers(database.db, clock.now())
    .then((r) => logger.info({ version: r.version, retailers: r.ratings.length }, 'rated retailers'))
    .catch((error: unknown) => logger.error({ err: safeError(error) }, 'rating retailers failed'));
  const learning = options.learnEveryMs ? setInterval(() => {
    learnPropensities(database.db, clock.now())
      .then((r) => { if (r.published) logger.info({ version: r.version }, 'published learned propensities'); })
      .catch((error: unknown) => logger.error({ err: safeError(error) }, 'learning from outcomes failed'))
      .then(rate);
  }, options.learnEveryMs) : null;
  // A console opened right after start shows ratings without waiting for the first round.
  const firstRating = options.learnEveryMs ? rate() : null;
  learning?.unref();
  // Restricted advice records whose retention has ended go at start and then daily (core/retention.ts).
  const purge = () => purgeRestricted(database.db, clock.now())
    .then((n) => { if (n > 0) logger.info({ purged: n }, 'deleted restricted advice records whose retention ended'); })
    .catch((error: unknown) => logger.error({ err: safeError(error) }, 'purging restricted advice records failed'));
  const firstPurge = purge();
  const purging = setInterval(purge, PURGE_EVERY_MS);
  purging.unref();
  let stopping: Promise<void> | undefined;
  const close = () => (stopping ??= (async () => {
    if (learning) clearInterval(learning);
    clearInterval(purging);
    await firstRating;
    await firstPurge;
    await listening.close();
    await database.close();
    logger.info('stopped');
  })());
  return { ...listening, database, close };
}
