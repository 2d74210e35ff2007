// The administrative commands, on this file's own database (PostgreSQL when
// DATABASE_URL is set, else PGlite), run in-process as `npm run backend -- …` would.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, UsageError } from '#backend/cli.ts';
import { connect } from '#backend/db/connect.ts';
import { changeLog, changeLogHorizon, consoleLogins, devices, enrolmentCodes, users } from '#backend/db/schema.ts';
import { ENROLMENT_CODE_VALIDITY_MS, enrolDevice } from '#backend/people.ts';
import { hashSecret, normaliseEnrolmentCode } from '#backend/secrets.ts';
import { databaseTarget, type DatabaseTarget } from './support.ts';

let target: DatabaseTarget;
const saved = { url: process.env.DATABASE_URL, dir: process.env.AW_BACKEND_DATA_DIR };

beforeAll(async () => {
  target = await databaseTarget();
  if (target.url) process.env.DATABASE_URL = target.url;
  else { delete process.env.DATABASE_URL; process.env.AW_BACKEND_DATA_DIR = target.dataDir; }
});
afterAll(async () => {
  if (saved.url === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved.url;
  if (saved.dir === undefined) delete process.env.AW_BACKEND_DATA_DIR; else process.env.AW_BACKEND_DATA_DIR = saved.dir;
  await target?.cleanup();
});

/** Opens the database briefly (embedded mode allows one user of the folder at a time). */
async function withDb<T>(run: (db: Awaited<ReturnType<typeof connect>>['db']) => Promise<T>): Promise<T> {
  const database = await connect({ url: target.url, dataDir: target.dataDir });
  try { return await run(database.db); } finally { await database.close(); }
}

describe('backend CLI', () => {
  let annaId: string;

  it('create-user prints the new user id', async () => {
    annaId = await runCommand('create-user', ['--name', ' Anna Berger ', '--roles', 'advisor, life_coach,advisor']);
    expect(annaId).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await withDb((db) => db.select().from(users).where(eq(users.id, annaId)));
    expect(row).toMatchObject({ displayName: 'Anna Berger', roles: ['advisor', 'life_coach'] });
  });

  it('create-user refuses unknown roles, no roles and an empty name', async () => {
    await expect(runCommand('create-user', ['--name', 'X', '--roles', 'manager'])).rejects.toThrow(/unknown role "manager"/);
    await expect(runCommand('create-user', ['--name', 'X', '--roles', ' , '])).rejects.toThrow(UsageError);
    await expect(runCommand('create-user', ['--name', '  ', '--roles', 'advisor'])).rejects.toThrow(/--name: the name may not be empty/);
    await expect(runCommand('create-user', ['--name', 'X'])).rejects.toThrow(/--roles is required/);
  });

  it('enrol prints one code, by id or by name, stored hashed for 7 days', async () => {
    const byId = await runCommand('enrol', ['--user', annaId]);
    const byName = await runCommand('enrol', ['--user', 'Anna Berger']);
    for (const code of [byId, byName]) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(byId).not.toBe(byName);
    const rows = await withDb((db) => db.select().from(enrolmentCodes).where(eq(enrolmentCodes.userId, annaId)));
    expect(rows.map((r) => r.codeHash).sort()).toEqual([byId, byName].map((c) => hashSecret(normaliseEnrolmentCode(c))).sort());
    for (const r of rows) expect(r.expiresAt.getTime() - r.createdAt.getTime()).toBe(ENROLMENT_CODE_VALIDITY_MS);
  });

  it('enrol refuses an unknown user and an ambiguous name', async () => {
    await expect(runCommand('enrol', ['--user', 'Nobody Here'])).rejects.toThrow(/No user with the id or name "Nobody Here"/);
    await runCommand('create-user', ['--name', 'Max Müller', '--roles', 'retailer']);
    await runCommand('create-user', ['--name', 'Max Müller', '--roles', 'advisor']);
    await expect(runCommand('enrol', ['--user', 'Max Müller'])).rejects.toThrow(/2 users are called "Max Müller": use the id/);
  });

  it('set-roles replaces a person\'s roles, by id or by name, and prints them', async () => {
    expect(await runCommand('set-roles', ['--user', annaId, '--roles', 'advisor'])).toBe(`${annaId} roles=advisor`);
    expect(await runCommand('set-roles', ['--user', 'Anna Berger', '--roles', 'life_coach, advisor,life_coach'])).toBe(`${annaId} roles=life_coach,advisor`);
    const [row] = await withDb((db) => db.select().from(users).where(eq(users.id, annaId)));
    expect(row!.roles).toEqual(['life_coach', 'advisor']);
  });

  it('set-roles refuses unknown roles, no roles and an unknown person, and changes nothing', async () => {
    await expect(runCommand('set-roles', ['--user', annaId, '--roles', 'advisor,coach'])).rejects.toThrow(/unknown role "coach": use advisor, life_coach, retailer, manufacturer, admin/);
    await expect(runCommand('set-roles', ['--user', annaId, '--roles', ' , '])).rejects.toThrow(/--roles needs at least one of/);
    await expect(runCommand('set-roles', ['--user', annaId])).rejects.toThrow(/--roles is required/);
    await expect(runCommand('set-roles', ['--user', 'Nobody Here', '--roles', 'advisor'])).rejects.toThrow(/No user with the id or name "Nobody Here"/);
    const [row] = await withDb((db) => db.select().from(users).where(eq(users.id, annaId)));
    expect(row!.roles).toEqual(['life_coach', 'advisor']);
  });

  it('revoke marks the device revoked; an unknown id is an error', async () => {
    const code = await runCommand('enrol', ['--user', annaId]);
    const enrolment = await withDb((db) => enrolDevice(db, { code, deviceName: 'Laptop' }, new Date()));
    const line = await runCommand('revoke', ['--device', enrolment!.device.id]);
    expect(line).toBe(`revoked ${enrolment!.device.id} (Laptop)`);
    const [row] = await withDb((db) => db.select().from(devices).where(eq(devices.id, enrolment!.device.id)));
    expect(row!.revokedAt).toBeInstanceOf(Date);
    await expect(runCommand('revoke', ['--device', '0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e0f'])).rejects.toThrow(/No device with the id/);
    await expect(runCommand('revoke', ['--device', 'laptop'])).rejects.toThrow(/No device with the id/);
  });

  it('trim-log keeps changes younger than the days given, and refuses a count that is not whole days', async () => {
    await withDb((db) => db.insert(changeLog).values([
      { entity: 'clients', id: 'old', clientId: '0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e01', at: new Date(Date.now() - 40 * 86_400_000) },
      { entity: 'clients', id: 'new', clientId: '0190b2c4-7e1a-7c3d-9f00-5a6b7c8d9e02', at: new Date() },
    ]));
    for (const days of ['0', '-3', '1.5', 'abc']) {
      await expect(runCommand('trim-log', [`--days=${days}`])).rejects.toThrow(/--days must be a whole number of days/);
    }
    await expect(runCommand('trim-log', [])).rejects.toThrow(/--days is required/);
    expect((await withDb((db) => db.select({ id: changeLog.id }).from(changeLog))).map((r) => r.id).sort()).toEqual(['new', 'old']);

    expect(await runCommand('trim-log', ['--days', '30'])).toBe('removed 1 changes older than 30 days');
    expect((await withDb((db) => db.select({ id: changeLog.id }).from(changeLog))).map((r) => r.id)).toEqual(['new']);
    expect(await withDb((db) => db.select().from(changeLogHorizon))).toHaveLength(1);
  });

  it('set-password gives a manufacturer\'s person a console password, and refuses anyone else or a short one', async () => {
    const hanna = await runCommand('create-user', ['--name', 'Hanna Hersteller', '--roles', 'manufacturer']);
    expect(await runCommand('set-password', ['--user', 'Hanna Hersteller', '--password', 'Apfelbaum im Hof 12'])).toBe(`${hanna} console password set`);
    const [login] = await withDb((db) => db.select().from(consoleLogins).where(eq(consoleLogins.userId, hanna)));
    expect(login!.passwordHash).toMatch(/^scrypt\$/);
    await expect(runCommand('set-password', ['--user', 'Hanna Hersteller', '--password', 'zu kurz'])).rejects.toThrow(UsageError);
    await expect(runCommand('set-password', ['--user', annaId, '--password', 'Apfelbaum im Hof 12'])).rejects.toThrow(/does not hold the role manufacturer/);
    await expect(runCommand('enrol', ['--user', 'Hanna Hersteller'])).rejects.toThrow(/never enrol a device/);
    expect(await withDb((db) => db.select().from(consoleLogins))).toHaveLength(1);
  });

  it('rate-retailers rates every retailer now and prints the ratings as JSON', async () => {
    const rita = await runCommand('create-user', ['--name', 'Rita Reiter', '--roles', 'retailer']);
    await runCommand('set-retailer', ['--user', rita, '--retailer', 'retailer_oeko_haus']);
    const printed = JSON.parse(await runCommand('rate-retailers', [])) as { version: number; ratings: { retailerId: string; rating: string; points: number }[] };
    expect(printed).toMatchObject({ version: 1, ratings: [{ retailerId: 'retailer_oeko_haus', rating: 'none', points: 0 }] });
  });

  it('refuses unknown commands and stray arguments', async () => {
    await expect(runCommand('drop-everything', [])).rejects.toThrow(/unknown command/);
    await expect(runCommand('enrol', ['--user', annaId, 'extra'])).rejects.toThrow(/unexpected argument "extra"/);
  });
});
