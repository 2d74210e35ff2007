// `npm run backend [-- COMMAND ...]`: serves the backend, or manages people and
// devices. Uses PostgreSQL when DATABASE_URL is set, otherwise the embedded
// database in AW_BACKEND_DATA_DIR (default: the user's data folder). Results go
// to stdout (one line each, for scripts); messages and logs go elsewhere.
//
//   npm run backend                                   serve (HOST, PORT; default 127.0.0.1:8787)
//   npm run backend -- create-user --name "Anna Berger" --roles advisor,life_coach
//   npm run backend -- enrol --user <id or name>      one-time enrolment code, valid 7 days
//   npm run backend -- revoke --device <id>
//   npm run backend -- publish-catalogue [--file PATH]  next version of catalogue, value tiers, price ranges
//   npm run backend -- publish-rules --file PATH      next version of the segment rule set
//   npm run backend -- learn                          learn acceptance rates from outcomes now (serving learns every LEARN_EVERY_MINUTES, default 10)
//   npm run backend -- set-retailer --user <id or name> --retailer <retailer id>
//   npm run backend -- set-roles --user <id or name> --roles advisor,life_coach
//   npm run backend -- create-integration NAME         an assistant integration; prints its id and token (once)
//   npm run backend -- revoke-integration ID | integrations | signals-report [--since DAY]
//   npm run backend -- publish-alert-rules --file PATH next version of the alert rules
//   npm run backend -- set-password --user <id or name> [--password P]   a console password (else read from stdin)
//   npm run backend -- rate-retailers                 rate every retailer now; prints the ratings as JSON
//   npm run backend -- find-restricted --name NAME [--born YYYY-MM-DD]   an erased client's restricted advice records
//   npm run backend -- disclose --record ID_OR_CHECKSUM --for client|authority --by NAME [--note TEXT]
//   npm run backend -- purge-retention                delete restricted advice records whose retention ended (a serving backend does this daily)
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isRealDate } from '#core/dates.ts';
import { catalogueId } from '#core/manufacturer.ts';
import { systemClock } from './clock.ts';
import { connect, type BackendDatabase } from './db/connect.ts';
import { createLogger } from './log.ts';
import { ManufacturerDataError, publishCatalogue, readCatalogueFile, SEED_CATALOGUE, setRetailer } from './manufacturer.ts';
import { publishRuleSet, readRuleSetFile } from './rules.ts';
import { createUser, findUser, issueEnrolmentCode, LookupError, PeopleRuleError, revokeDevice, setUserRoles } from './people.ts';
import { BACKEND_ROLES, isBackendRole, type BackendRole } from './roles.ts';
import { DEFAULT_HOST, DEFAULT_LEARN_EVERY_MS, DEFAULT_PORT, startBackend } from './server.ts';
import { learnPropensities } from './learn.ts';
import { publishAlertRules, readAlertRulesFile } from './alert-rules.ts';
import { createIntegration, listIntegrations, revokeIntegration } from './integrations.ts';
import { reportLine, signalsReport } from './signal-counts.ts';
import { trimChangeLog } from './trim.ts';
import { MIN_PASSWORD_LENGTH, passwordProblem, setConsolePassword } from './console/password.ts';
import { rateAllRetailers } from './rating.ts';
import { discloseByCommand, DisclosureError, findRestricted, purgeRestricted } from './retention.ts';

const USAGE = `Usage: npm run backend [-- COMMAND]

  (no command)                               serve on HOST:PORT (default ${DEFAULT_HOST}:${DEFAULT_PORT})
  create-user --name NAME --roles R1,R2     create a person; prints the user id
                                             roles: ${BACKEND_ROLES.join(', ')}
  enrol --user ID_OR_NAME                    prints a one-time enrolment code (valid 7 days)
  revoke --device DEVICE_ID                  revoke a device; its token stops working at once
  publish-catalogue [--file PATH]            check a catalogue file and publish it as the next version of
                                             the catalogue, value tiers and price ranges; prints the versions
                                             (default file: backend/seed/catalog.json)
  learn                                      learn acceptance rates per segment and offer from the recorded
                                             outcomes and publish them if they changed; prints the version
                                             (a serving backend does this every LEARN_EVERY_MINUTES, default 10)
  publish-rules --file PATH                  check a segment rule set (JSON) and publish it as the next
                                             version; devices use it from their next sync
  set-retailer --user ID_OR_NAME --retailer RETAILER_ID
                                             the retailer whose price ranges this person's devices receive
  set-roles --user ID_OR_NAME --roles R1,R2  replace a person's roles (${BACKEND_ROLES.join(', ')});
                                             their devices take them at their next sync

  find-restricted --name NAME [--born YYYY-MM-DD]
                                             an erased client's restricted advice records: id, meeting day,
                                             version, checksum, kept until (never their content)
  disclose --record ID_OR_CHECKSUM --for client|authority --by NAME [--note TEXT]
                                             disclose one restricted advice record (logged: who, when, which,
                                             for whom, note); prints it as JSON
  purge-retention                            delete restricted advice records whose retention has ended
                                             (a serving backend does this at start and daily)
  trim-log --days N                          drop changes older than N days from the sync log;
                                             devices that did not sync since download their book again
  create-integration NAME                    an assistant integration that may send signals; prints its id
                                             and its token, which is shown only this once
  revoke-integration ID                      revoke an integration; its token stops working at once
  integrations                               list the integrations, one a line
  signals-report [--since YYYY-MM-DD]        per integration: signals received, kept, dropped per reason
  publish-alert-rules --file PATH            check alert rules (JSON) and publish them as the next version

  set-password --user ID_OR_NAME [--password P]
                                             the console password of a manufacturer's person (role manufacturer),
                                             at least ${MIN_PASSWORD_LENGTH} characters; read from stdin without --password
  rate-retailers                             rate every retailer by the data its people pushed in the last 90 days
                                             and keep the result; prints it as JSON (a serving backend does this
                                             with learning, every LEARN_EVERY_MINUTES)
Database: PostgreSQL at DATABASE_URL if set, otherwise embedded in
AW_BACKEND_DATA_DIR (default ${defaultDataDir()}).`;

export class UsageError extends Error {}

export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'advisor-workstation-backend');
}

function databaseOptions() {
  const url = process.env.DATABASE_URL?.trim() || undefined;
  return { url, dataDir: url ? undefined : resolve(process.env.AW_BACKEND_DATA_DIR || defaultDataDir()) };
}

function learnEveryFromEnv(): number {
  const raw = process.env.LEARN_EVERY_MINUTES?.trim();
  if (!raw) return DEFAULT_LEARN_EVERY_MS;
  const minutes = Number(raw);
  if (!(minutes > 0 && minutes <= 24 * 60)) throw new UsageError(`LEARN_EVERY_MINUTES must be a number of minutes from 1 to 1440, not "${raw}".`);
  return minutes * 60_000;
}

function portFromEnv(): number {
  const raw = process.env.PORT?.trim();
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`PORT must be a number from 0 to 65535, not "${raw}".`);
  return port;
}

const nameSchema = z.string().trim().min(1, { error: 'the name may not be empty' }).max(200, { error: 'the name is too long: at most 200 characters' });

function parseRoles(raw: string): BackendRole[] {
  const roles = raw.split(',').map((r) => r.trim()).filter(Boolean);
  if (roles.length === 0) throw new UsageError(`--roles needs at least one of: ${BACKEND_ROLES.join(', ')}`);
  const unknown = roles.filter((r) => !isBackendRole(r));
  if (unknown.length) throw new UsageError(`unknown role ${unknown.map((r) => `"${r}"`).join(', ')}: use ${BACKEND_ROLES.join(', ')}`);
  return roles as BackendRole[];
}

function options(args: string[], names: string[], optional: string[] = []): Record<string, string> {
  const { values, positionals } = parseArgs({
    args, strict: true, allowPositionals: true,
    options: Object.fromEntries([...names, ...optional].map((n) => [n, { type: 'string' as const }])),
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  for (const n of names) if (typeof values[n] !== 'string') throw new UsageError(`--${n} is required`);
  return values as Record<string, string>;
}

async function withDatabase<T>(run: (database: BackendDatabase) => Promise<T>): Promise<T> {
  const database = await connect(databaseOptions());
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

/** Runs one administrative command; returns the line to print. */
export async function runCommand(command: string, args: string[]): Promise<string> {
  const now = systemClock.now();
  switch (command) {
    case 'create-user': {
      const o = options(args, ['name', 'roles']);
      const parsed = nameSchema.safeParse(o.name);
      if (!parsed.success) throw new UsageError(`--name: ${parsed.error.issues[0]!.message}`);
      const roles = parseRoles(o.roles!);
      return withDatabase(async ({ db }) => (await createUser(db, { displayName: parsed.data, roles }, now)).id);
    }
    case 'enrol': {
      const o = options(args, ['user']);
      return withDatabase(async ({ db }) => {
        const user = await findUser(db, o.user!);
        return (await issueEnrolmentCode(db, user.id, now)).code;
      });
    }
    case 'revoke': {
      const o = options(args, ['device']);
      return withDatabase(async ({ db }) => {
        const device = await revokeDevice(db, o.device!, now);
        if (!device) throw new LookupError(`No device with the id "${o.device}".`);
        return `revoked ${device.id} (${device.name})`;
      });
    }
    case 'publish-catalogue': {
      const o = options(args, [], ['file']);
      // Checked before the database is opened: a bad file changes nothing.
      const file = readCatalogueFile(o.file === undefined ? SEED_CATALOGUE : resolve(o.file));
      const published = await withDatabase(({ db }) => publishCatalogue(db, file, now));
      return Object.entries(published).map(([kind, version]) => `${kind}=${version}`).join(' ');
    }
    case 'learn': {
      options(args, []);
      const learned = await withDatabase(({ db }) => learnPropensities(db, now));
      return learned.version === null ? 'no outcomes yet: nothing published' : `propensities=${learned.version}${learned.published ? '' : ' (unchanged)'}`;
    }
    case 'publish-rules': {
      const o = options(args, ['file']);
      const ruleSet = readRuleSetFile(resolve(o.file!));
      const version = await withDatabase(({ db }) => publishRuleSet(db, ruleSet, now));
      return `rule_set=${version} (${ruleSet.version})`;
    }
    case 'set-retailer': {
      const o = options(args, ['user', 'retailer']);
      const retailer = catalogueId.safeParse(o.retailer!.trim());
      if (!retailer.success) throw new UsageError(`--retailer ${retailer.error.issues[0]!.message}`);
      return withDatabase(async ({ db }) => {
        const { user, priceRanges } = await setRetailer(db, o.user!, retailer.data, now);
        // A new price ranges version means the user's devices fetch their new retailer's ranges.
        return `${user.id} retailer=${retailer.data}` + (priceRanges === null ? '' : ` price_ranges=${priceRanges}`);
      });
    }
    case 'set-roles': {
      const o = options(args, ['user', 'roles']);
      // Checked before the database is opened: an unknown role changes nothing.
      const roles = parseRoles(o.roles!);
      return withDatabase(async ({ db }) => {
        const user = await setUserRoles(db, o.user!, roles);
        return `${user.id} roles=${user.roles.join(',')}`;
      });
    }
    case 'trim-log': {
      const o = options(args, ['days']);
      const days = Number(o.days);
      if (!Number.isInteger(days) || days < 1) throw new UsageError(`--days must be a whole number of days, 1 or more, not "${o.days}"`);
      const { removed } = await withDatabase(({ db }) => trimChangeLog(db, new Date(now.getTime() - days * 86_400_000), now));
      // Devices that have not synced since then download their book again on their next sync.
      return `removed ${removed} changes older than ${days} days`;
    }
    case 'create-integration': {
      const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { name: { type: 'string' } } });
      const given = [...positionals, ...(values.name === undefined ? [] : [values.name])];
      if (given.length !== 1) throw new UsageError('create-integration needs one name, like: create-integration "Assistant app"');
      const parsed = nameSchema.safeParse(given[0]);
      if (!parsed.success) throw new UsageError(`the integration's ${parsed.error.issues[0]!.message}`);
      const { integration, token } = await withDatabase(({ db }) => createIntegration(db, parsed.data, now));
      console.error('Give the token to the assistant integration now: it is shown only this once, and only its hash is kept.');
      return `${integration.id} ${token}`;
    }
    case 'revoke-integration': {
      const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} });
      if (positionals.length !== 1) throw new UsageError('revoke-integration needs the integration id, as create-integration or integrations printed it');
      return withDatabase(async ({ db }) => {
        const integration = await revokeIntegration(db, positionals[0]!.trim(), now);
        if (!integration) throw new LookupError(`No integration with the id "${positionals[0]}". List them with: integrations`);
        return `revoked ${integration.id} (${integration.name})`;
      });
    }
    case 'integrations': {
      options(args, []);
      const list = await withDatabase(({ db }) => listIntegrations(db));
      if (list.length === 0) return 'no integrations yet: create one with create-integration NAME';
      return list.map((i) => [i.id, JSON.stringify(i.name), `created=${i.createdAt.toISOString()}`,
        i.revokedAt ? `revoked=${i.revokedAt.toISOString()}` : 'active', `last_seen=${i.lastSeenAt?.toISOString() ?? 'never'}`].join(' ')).join('\n');
    }
    case 'signals-report': {
      const o = options(args, [], ['since']);
      if (o.since !== undefined && !isRealDate(o.since)) throw new UsageError(`--since must be a day like 2027-03-01, not "${o.since}"`);
      const report = await withDatabase(({ db }) => signalsReport(db, o.since));
      return report.length === 0 ? 'no integrations yet: create one with create-integration NAME' : report.map(reportLine).join('\n');
    }
    case 'publish-alert-rules': {
      const o = options(args, ['file']);
      const rules = readAlertRulesFile(resolve(o.file!));
      const version = await withDatabase(({ db }) => publishAlertRules(db, rules, now));
      return `alert_rules=${version} (${rules.version})`;
    }
    case 'set-password': {
      const o = options(args, ['user'], ['password']);
      const password = o.password ?? await readStdin();
      // Checked before the database is opened: a password too short changes nothing.
      const problem = passwordProblem(password);
      if (problem) throw new UsageError(problem);
      const user = await withDatabase(({ db }) => setConsolePassword(db, o.user!, password, now));
      return `${user.id} console password set`;
    }
    case 'rate-retailers': {
      options(args, []);
      const run = await withDatabase(({ db }) => rateAllRetailers(db, now));
      return JSON.stringify({ version: run.version, computedAt: run.computedAt.toISOString(), ratings: run.ratings });
    }
    case 'find-restricted': {
      const o = options(args, ['name'], ['born']);
      if (o.born !== undefined && !isRealDate(o.born)) throw new UsageError(`--born must be a day like 1970-03-01, not "${o.born}"`);
      const found = await withDatabase(({ db }) => findRestricted(db, { name: o.name, birthDate: o.born }));
      if (found.length === 0) return 'no restricted advice record of that name (it may have been deleted when its retention ended)';
      // No content here: only what tells the records apart. Reading one is a disclosure, and logged.
      return found.map((r) => [r.id, `meeting=${r.meetingAt.toISOString().slice(0, 10)}`, `version=${r.recordVersion}`,
        `checksum=${r.contentHash.slice(0, 12)}`, `kept_until=${r.retainUntil.toISOString().slice(0, 10)}`].join(' ')).join('\n');
    }
    case 'disclose': {
      const o = options(args, ['record', 'for', 'by'], ['note']);
      try {
        const { disclosureId, record } = await withDatabase(({ db }) => discloseByCommand(db, { record: o.record!, to: o.for!, by: o.by!, note: o.note }, now));
        console.error(`Disclosure ${disclosureId} logged: ${o.by} for ${o.for === 'client' ? 'the client' : 'an authority'}.`);
        return JSON.stringify({
          disclosure: disclosureId, record: record.id, version: record.recordVersion, checksum: record.contentHash, previousChecksum: record.previousHash,
          meetingAt: record.meetingAt.toISOString(), deliveredAt: record.deliveredAt?.toISOString() ?? null, deliveryChannel: record.deliveryChannel,
          keptUntil: record.retainUntil.toISOString(), content: record.content,
        }, null, 2);
      } catch (error) {
        if (error instanceof DisclosureError) throw new UsageError(error.message);
        throw error;
      }
    }
    case 'purge-retention': {
      options(args, []);
      const removed = await withDatabase(({ db }) => purgeRestricted(db, now));
      return `deleted ${removed} restricted advice records whose retention ended`;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** A password piped in (`… | npm run backend -- set-password --user X`): all of stdin, without the line end. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) console.error('Type the password, then Enter and Ctrl-D:');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function serveUntilSignalled(): Promise<void> {
  const logger = createLogger();
  const { url, dataDir } = databaseOptions();
  const backend = await startBackend({ databaseUrl: url, dataDir, host: process.env.HOST?.trim() || DEFAULT_HOST, port: portFromEnv(), logger, learnEveryMs: learnEveryFromEnv() });
  let signalled = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (signalled) {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      signalled = true;
      logger.info({ signal }, 'shutting down: finishing requests in flight');
      backend.close().then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: { message: (error as Error).message } }, 'shutdown failed');
        process.exit(1);
      });
    });
  }
}

if (import.meta.main) {
  const [command, ...args] = process.argv.slice(2);
  try {
    if (command === undefined || command === 'serve') {
      await serveUntilSignalled();
    } else if (command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE);
    } else {
      console.log(await runCommand(command, args));
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    const prefix = error instanceof LookupError || error instanceof PeopleRuleError || error instanceof ManufacturerDataError ? '' : 'The backend could not run: ';
    console.error(`${prefix}${(error as Error).message}`);
    process.exit(1);
  }
}
