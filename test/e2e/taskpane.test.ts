import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as ews from 'ews-javascript-api';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { at, ewsService } from '../exchange-sim/ewsjs/client';
import { ALL_WEEK } from '../factories/orders';
import { buildUser } from '../factories/users';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { ROOT, WEB_DIR, ensureTaskpaneBuild } from './support/taskpaneBuild';
import { previewMeeting, seedTaskpaneData } from './support/taskpaneFixture';
import { connectToDemoSim } from '../support/demoExchange';

/**
 * The taskpane preview (`/taskpane.html?preview=1`: the fake Outlook item) in headless Chromium,
 * against the real server, database and Exchange simulator with the production build. The fake
 * item's saveAsync answers the EWS ItemId of the same meeting, saved by the organizer through EWS
 * in the simulator the way Outlook's saveAsync saves a new appointment: on her calendar, not sent
 * (CreateItem SendToNone). She sends it (Outlook's Send) only after ordering. Needs Debian's chromium (CHROMIUM_PATH to override); without it the suite is
 * skipped and says so.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/e2e/taskpane: skipped, no Chromium at ${CHROMIUM}`);

const ORGANIZER = 'emma.schmidt@northwind.test';
const PASSWORD = 'Roomserve-demo-1';
const SIM_ROOMS = ['elbe', 'alster', 'bille', 'este', 'kai', 'luhe', 'speicher'].map(
  (r) => `room.harbour.0.${r}@northwind.test`,
);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The text the pane shows for a delivery time, formatted by the browser as the pane does. */
const shownTime = (page: Page, iso: string): Promise<string> =>
  page.evaluate((at) => {
    const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
    const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return `${day.format(new Date(at))} ${clock.format(new Date(at))}`;
  }, iso);

const card = (page: Page, room: string) =>
  page.locator('li').filter({ has: page.getByRole('heading', { name: room, exact: true }) });

(haveChromium ? describe : describe.skip)('the taskpane in a browser', () => {
  let db: TestDatabase;
  let sim: RunningExchangeSim;
  let roomserve: TestApp;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let emma: ews.ExchangeService;
  /** The organizer's meeting in the simulator: the same one the fake Outlook item stands for. */
  let meeting: { itemId: string; room: string; cleanGlobalObjectId: string };

  /**
   * Emma's new appointment with a simulator room that is free then, as Outlook's saveAsync leaves it:
   * saved on her calendar with the room as a required attendee, no invitation sent.
   */
  async function organizersMeeting(): Promise<typeof meeting> {
    const { start, end } = previewMeeting();
    const room = SIM_ROOMS.find((r) =>
      sim.control.model
        .readCalendar(r)
        .every((i) => i.isCancelled || i.end <= start.getTime() || i.start >= end.getTime()),
    );
    if (!room) throw new Error('no simulator room is free at the preview meeting’s time');
    const appt = new ews.Appointment(emma);
    appt.Subject = 'Project kick-off';
    appt.Start = at(start.toISOString());
    appt.End = at(end.toISOString());
    appt.StartTimeZone = ews.TimeZoneInfo.Utc;
    appt.EndTimeZone = ews.TimeZoneInfo.Utc;
    appt.RequiredAttendees.Add(room);
    await appt.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);
    const itemId = appt.Id.UniqueId;
    const stored = sim.control.model.readCalendar(ORGANIZER).find((i) => i.itemId.id === itemId);
    return { itemId, room, cleanGlobalObjectId: stored?.cleanGlobalObjectId ?? '' };
  }

  beforeAll(async () => {
    ensureTaskpaneBuild();
    db = await createTestDatabase();
    await seedTaskpaneData(db.knex);
    // Orders are placed for tomorrow morning, whatever weekday that is.
    await db.knex('catering_providers').update({ working_hours: JSON.stringify(ALL_WEEK) });
    sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 5, validateRequests: false });
    roomserve = createTestApp(db.knex, { webDir: WEB_DIR });
    const admin = await roomserve.tokenFor('admin');
    await connectToDemoSim(roomserve.app, admin, sim);
    emma = ewsService(sim.url, 'NORTHWIND\\emma.schmidt', PASSWORD, 'basic', sim.control.caCertPem);
    meeting = await organizersMeeting();
    // The pane is signed in as the organizer: the server looks the item up in her mailbox.
    const user = await buildUser(db.knex, { email: ORGANIZER, role: 'employee', name: 'Emma Schmidt' });
    const login = await request(roomserve.app)
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const sessionCookie = cookies.find((c) => c.startsWith('rs_session='))?.split(';')[0] ?? '';
    server = roomserve.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const [name = '', value = ''] = sessionCookie.split('=');
    await context.addCookies([{ name, value, url: origin }]);
    page = await context.newPage();
    await page.goto(`${origin}/taskpane.html?preview=1&itemId=${encodeURIComponent(meeting.itemId)}`);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    await roomserve?.sync.restart(null);
    await sim?.close();
    await db?.close();
  });

  it('searches, filters by a tag, marks a busy room, and adds a room to the appointment', async () => {
    await page.getByRole('button', { name: 'Add to meeting' }).first().waitFor();

    await page.getByRole('combobox', { name: 'Equipment' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Video conference' }).click();
    await page.keyboard.press('Escape');
    const filtered = page.waitForResponse((r) => r.url().includes('/api/rooms?') && r.url().includes('tags='));
    await page.getByRole('button', { name: 'Search rooms' }).click();
    expect(new URL((await filtered).url()).searchParams.getAll('tags')).toEqual(['Video conference']);
    await card(page, 'Room 0.1').waitFor({ state: 'detached' });

    // Room 0.4 has a video conference system and is booked for the whole meeting.
    await expect(card(page, 'Room 0.4').getByText('Busy', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(card(page, 'Room 0.4').getByText('Nearest free alternatives').isVisible()).resolves.toBe(true);

    await card(page, 'Room 0.2').getByRole('button', { name: 'Add to meeting' }).click();
    await page.getByText('Room 0.2 was added as an attendee').waitFor();

    // The meeting summary is read back from the (fake) Outlook item.
    const summary = page.getByRole('region', { name: 'This meeting' });
    await expect(summary.getByText('Location: Room 0.2, Harbour House').isVisible()).resolves.toBe(true);
    await expect(card(page, 'Room 0.2').getByText('In this meeting').isVisible()).resolves.toBe(true);
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'e2e-taskpane-rooms.png') });
  }, 120_000);

  it('offers the room’s caterer and totals the cart', async () => {
    await page.getByRole('tab', { name: 'Catering' }).click();
    await page.getByRole('heading', { name: 'Drinks' }).waitFor();

    await page.getByLabel('Coffee and tea: servings per person').fill('1');
    await page.getByLabel('Quantity of Sandwich platter').fill('2');

    // Four people (three attendees and the organizer): 4 × €2.50 + 2 × €45.00.
    await page.getByText('Total €100.00').waitFor();
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'e2e-taskpane-catering.png'), fullPage: true });
  }, 120_000);

  it('orders catering for the saved meeting; once Emma sends it, the order is linked to the room’s booking', async () => {
    // Room 0.2, chosen in the pane, is the simulator room of Emma's meeting; the sync watches it.
    const roomId = (await db.knex('rooms').where({ name: 'Room 0.2' }).first<{ id: string }>('id')).id;
    await db.knex('rooms').where({ id: roomId }).update({ exchange_email: meeting.room, exchange_state: 'verified' });
    await roomserve.sync.restart(await roomserve.deps.exchange.gateway());

    await page.getByRole('button', { name: 'Order catering' }).click();
    await page.getByText(/Your catering order was placed\. It waits for the meeting/).waitFor();
    // Saved, not sent: the room has not heard of the meeting, the order waits for it.
    expect(
      sim.control.model.readCalendar(meeting.room).some((i) => i.cleanGlobalObjectId === meeting.cleanGlobalObjectId),
    ).toBe(false);
    const waiting = await db
      .knex('orders')
      .where({ clean_global_object_id: meeting.cleanGlobalObjectId })
      .first<{ booking_id: string | null; awaiting_meeting: boolean }>('booking_id', 'awaiting_meeting');
    expect(waiting).toEqual({ booking_id: null, awaiting_meeting: true });
    const pane = page.getByRole('region', { name: 'Orders for this meeting' });
    await pane.getByText('Waiting for the meeting to be sent').waitFor();

    // Emma presses Send in Outlook: the room's attendant accepts, the sync brings the booking in.
    const saved = await ews.Appointment.Bind(emma, new ews.ItemId(meeting.itemId));
    saved.Location = 'Room 0.2, Harbour House';
    await saved.Update(
      ews.ConflictResolutionMode.AlwaysOverwrite,
      ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
    );
    let bookingId: string | undefined;
    await until('the order to be linked to the room’s booking of the meeting', async () => {
      const row = await db
        .knex('bookings')
        .where({ room_id: roomId, clean_global_object_id: meeting.cleanGlobalObjectId, status: 'confirmed' })
        .first<{ id: string } | undefined>('id');
      bookingId = row?.id;
      const order = await db
        .knex('orders')
        .where({ clean_global_object_id: meeting.cleanGlobalObjectId })
        .first<{ booking_id: string | null }>('booking_id');
      return bookingId !== undefined && order.booking_id === bookingId;
    });

    const orders = await db
      .knex('orders')
      .where({ clean_global_object_id: meeting.cleanGlobalObjectId })
      .select<{ booking_id: string; room_id: string; delivery_at: Date; orderer_email: string }[]>(
        'booking_id',
        'room_id',
        'delivery_at',
        'orderer_email',
      );
    expect(orders).toEqual([
      {
        booking_id: bookingId,
        room_id: roomId,
        delivery_at: previewMeeting().start,
        orderer_email: ORGANIZER,
      },
    ]);
    await page.getByRole('button', { name: 'Refresh from Outlook' }).click();
    const listed = page.getByRole('region', { name: 'Orders for this meeting' });
    await listed.getByText(await shownTime(page, previewMeeting().start.toISOString()), { exact: false }).waitFor();
    await listed.getByText('Waiting for the meeting to be sent').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'e2e-taskpane-order.png'), fullPage: true });
  }, 120_000);

  it('shows the new delivery time after the organizer moves the meeting in Exchange', async () => {
    const later = new Date(previewMeeting().start.getTime() + 3_600_000);
    const appt = await ews.Appointment.Bind(emma, new ews.ItemId(meeting.itemId));
    appt.Start = at(later.toISOString());
    appt.End = at(new Date(later.getTime() + 3_600_000).toISOString());
    await appt.Update(
      ews.ConflictResolutionMode.AlwaysOverwrite,
      ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
    );
    await until('the order to follow the meeting', async () => {
      const row = await db
        .knex('orders')
        .where({ clean_global_object_id: meeting.cleanGlobalObjectId })
        .first<{ delivery_at: Date }>('delivery_at');
      return row.delivery_at.getTime() === later.getTime();
    });

    // Mailbox 1.1–1.5 has no time-changed event: the pane rereads on refresh (and on focus).
    await page.getByRole('button', { name: 'Refresh from Outlook' }).click();
    const listed = page.getByRole('region', { name: 'Orders for this meeting' });
    await listed.getByText(await shownTime(page, later.toISOString()), { exact: false }).waitFor();
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'e2e-taskpane-order-moved.png'), fullPage: true });
  }, 120_000);
});
