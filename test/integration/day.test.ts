// The advisor's day through the contract on a real book: meetings planned for
// today with each client's last contact and open tasks, tasks due, a meeting
// started from its plan, bad plans refused by field with nothing saved, and
// the plan as an .ics file that a calendar library reads back as planned.
import { ORPCError } from '@orpc/server';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { openTestStore } from '../support/book.ts';
import { openTestRouter, type Workstation } from '../support/router.ts';

// Thursday 3 December 2026, 08:00 in Berlin (07:00 UTC).
const NOW = Date.UTC(2026, 11, 3, 7);
const DAY = { from: Date.UTC(2026, 11, 2, 23), to: Date.UTC(2026, 11, 3, 23), day: '2026-12-03' };
const at = (hour: number, minute = 0) => Date.UTC(2026, 11, 3, hour - 1, minute);

let t: ReturnType<typeof openTestStore>;
let rpc: Workstation;
let clientId: string;
beforeEach(async () => {
  ({ t, rpc } = openTestRouter({ now: () => NOW, roles: () => ['advisor'] }));
  await rpc.session.setup({ displayName: 'Anna Berger', roles: ['advisor'], locale: 'de', demoBook: false });
  clientId = (await rpc.clients.create({ firstName: 'Greta', lastName: 'Lindner' })).id;
});
afterEach(() => t.close());

const problems = (e: unknown) => (e instanceof ORPCError ? (e.data as { problems: { field: string; code: string }[] }).problems.map((p) => `${p.field}:${p.code}`) : e);
const rows = (table: string) => (t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the day', () => {
  it('lists today’s planned meetings in order with the client’s last contact and open tasks, the tasks due, and no alerts for an advisor', async () => {
    const other = (await rpc.clients.create({ firstName: 'Daniel', lastName: 'Okafor' })).id;
    await rpc.touchpoints.add({ clientId, kind: 'call', channel: 'phone', occurredAt: NOW - 5 * 86_400_000, summary: 'Rückruf wegen Hausrat' });
    await rpc.touchpoints.add({ clientId, kind: 'email', channel: 'email', occurredAt: NOW - 2 * 86_400_000, summary: 'Unterlagen geschickt' });
    await rpc.tasks.add({ clientId, title: 'Angebot mitbringen', dueDate: '2026-12-03' });
    await rpc.tasks.add({ clientId, title: 'Nachfassen', dueDate: '2026-12-20' });
    await rpc.tasks.add({ clientId: other, title: 'Überfällig', dueDate: '2026-11-30' });
    const late = await rpc.appointments.plan({ clientId: other, startsAt: at(15, 30), minutes: 30, purpose: 'Rückfragen' });
    const early = await rpc.appointments.plan({ clientId, startsAt: at(9), minutes: 60, place: 'Beim Kunden, Am Markt 3', purpose: 'Jahresgespräch' });
    await rpc.appointments.plan({ clientId, startsAt: at(9) + 86_400_000, minutes: 60, purpose: 'Morgen' });
    const off = await rpc.appointments.plan({ clientId, startsAt: at(11), minutes: 45, purpose: 'Abgesagt' });
    await rpc.appointments.cancel({ id: off.id });

    const day = await rpc.day.view(DAY);
    expect(day.appointments.map((a) => [a.id, a.purpose])).toEqual([[early.id, 'Jahresgespräch'], [late.id, 'Rückfragen']]);
    expect(day.appointments[0]).toMatchObject({
      place: 'Beim Kunden, Am Markt 3', minutes: 60, meetingId: null, client: { id: clientId, firstName: 'Greta', lastName: 'Lindner' },
      lastContact: { summary: 'Unterlagen geschickt', kind: 'email' },
    });
    expect(day.appointments[0]!.openTasks.map((x) => x.title)).toEqual(['Angebot mitbringen', 'Nachfassen']);
    expect(day.appointments[1]!.lastContact).toBeNull();
    expect(day.tasksDue.map((x) => x.title).sort()).toEqual(['Angebot mitbringen', 'Überfällig']);
    expect(day.alerts).toBeNull();
  });

  it('lists the tasks due however many undated tasks the book holds', async () => {
    for (let i = 0; i < 210; i++) await rpc.tasks.add({ clientId, title: `Irgendwann ${i}` });
    await rpc.tasks.add({ clientId, title: 'Heute fällig', dueDate: '2026-12-03' });
    expect((await rpc.day.view(DAY)).tasksDue.map((x) => x.title)).toEqual(['Heute fällig']);
  });

  it('starts the meeting from its plan, with the plan’s purpose as its reason, once', async () => {
    const plan = await rpc.appointments.plan({ clientId, startsAt: at(9), minutes: 60, purpose: 'Jahresgespräch' });
    const { meetingId } = await rpc.appointments.start({ id: plan.id });
    expect((await rpc.meetings.get({ id: meetingId })).reason).toBe('Jahresgespräch');
    expect(await rpc.appointments.start({ id: plan.id })).toEqual({ meetingId });
    expect((await rpc.day.view(DAY)).appointments[0]!.meetingId).toBe(meetingId);
    expect(rows('meetings')).toBe(1);
    // The plan and its link travel to the backend like every change.
    expect(t.store.sqlite.prepare(`SELECT name FROM outbox WHERE name LIKE 'appointment.%' ORDER BY seq`).pluck().all()).toEqual(['appointment.plan', 'appointment.update']);
  });
});

describe('bad plans', () => {
  it('are refused by field and save nothing', async () => {
    const before = rows('appointments');
    const outbox = rows('outbox');
    const base = { clientId, startsAt: at(9), minutes: 60, purpose: 'Jahresgespräch' };
    await expect(rpc.appointments.plan({ ...base, minutes: 0 }).catch(problems)).resolves.toEqual(['minutes:out_of_range']);
    await expect(rpc.appointments.plan({ ...base, minutes: 601 }).catch(problems)).resolves.toEqual(['minutes:out_of_range']);
    await expect(rpc.appointments.plan({ ...base, purpose: '  ' }).catch(problems)).resolves.toEqual(['purpose:required']);
    await expect(rpc.appointments.plan({ ...base, startsAt: Date.UTC(1999, 0, 1) }).catch(problems)).resolves.toEqual(['startsAt:date_out_of_range']);
    await expect(rpc.appointments.plan({ ...base, clientId: '01890000-0000-7000-8000-000000000000' }).catch(problems)).resolves.toEqual(['client:not_found']);
    expect([rows('appointments'), rows('outbox')]).toEqual([before, outbox]);
  });

  it('a cancelled plan takes no more changes and starts no meeting', async () => {
    const plan = await rpc.appointments.plan({ clientId, startsAt: at(9), minutes: 60, purpose: 'Jahresgespräch' });
    await rpc.appointments.cancel({ id: plan.id });
    await expect(rpc.appointments.update({ id: plan.id, patch: { minutes: 30 } }).catch(problems)).resolves.toEqual(['appointment:appointment_cancelled']);
    await expect(rpc.appointments.start({ id: plan.id }).catch(problems)).resolves.toEqual(['appointment:appointment_cancelled']);
    expect(rows('meetings')).toBe(0);
  });
});

describe('the calendar file', () => {
  it('holds the planned (not the cancelled) meetings, read back by a calendar library as planned', async () => {
    await rpc.appointments.plan({ clientId, startsAt: at(9), minutes: 60, place: 'Am Markt 3, Dresden', purpose: 'Jahresgespräch; Unterlagen mitbringen' });
    await rpc.appointments.plan({ clientId, startsAt: at(14, 15) + 86_400_000, minutes: 45, purpose: 'Vertrag unterschreiben' });
    const off = await rpc.appointments.plan({ clientId, startsAt: at(11), minutes: 30, purpose: 'Abgesagt' });
    await rpc.appointments.cancel({ id: off.id });
    const file = await rpc.appointments.calendar({ from: DAY.from, to: DAY.from + 7 * 86_400_000, language: 'de' });
    expect(file.fileName).toBe('Termine-2026-12-03.ics');
    const calendar = new ICAL.Component(ICAL.parse(file.text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => ({
      summary: e.summary, description: e.description, location: e.location,
      start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime(),
    }))).toEqual([
      { summary: 'Termin mit Greta Lindner', description: 'Jahresgespräch; Unterlagen mitbringen', location: 'Am Markt 3, Dresden', start: at(9), end: at(10) },
      { summary: 'Termin mit Greta Lindner', description: 'Vertrag unterschreiben', location: null, start: at(14, 15) + 86_400_000, end: at(15) + 86_400_000 },
    ]);
    // A calendar that imports the file twice keeps one event per plan.
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  });
});
