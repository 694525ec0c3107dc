import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startExchangeSim, type RunningExchangeSim } from '../../test/exchange-sim';
import type { PreviewAppointment } from '../../shared/schemas/previewOutlook';
import { createPreviewOutlook } from './previewOutlook';

const EMMA = 'emma.schmidt@northwind.test';
const ROOM = 'room.harbour.0.elbe@northwind.test';

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Two months ahead: past the demo week's meetings, inside the rooms' booking window (180 days).
const START = new Date(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 60, 9),
);
const START_ISO = START.toISOString();
const END_ISO = new Date(START.getTime() + 3_600_000).toISOString();

function appointment(change: Partial<PreviewAppointment> = {}): PreviewAppointment {
  return {
    subject: 'Kick-off <preview> & more',
    start: START_ISO,
    end: END_ISO,
    location: '',
    requiredAttendees: [{ name: 'Lukas Meyer', email: 'lukas.meyer@northwind.test' }],
    optionalAttendees: [],
    ...change,
  };
}

describe('the taskpane preview’s Outlook in the demo', () => {
  let sim: RunningExchangeSim;
  let simulated = true;

  beforeAll(async () => {
    sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 5, validateRequests: false });
  });

  afterAll(async () => {
    await sim?.close();
  });

  const outlook = () =>
    createPreviewOutlook({
      simulatorUrl: sim.url,
      caCertPem: sim.control.caCertPem,
      stillSimulated: () => Promise.resolve(simulated),
    });
  const calendarOf = (mailbox: string) => sim.control.model.readCalendar(mailbox);

  it('saves onto the user’s own calendar without inviting anyone, then sends to the room, which accepts', async () => {
    const { itemId } = await outlook().save(EMMA, appointment());
    const saved = calendarOf(EMMA).find((item) => item.itemId.id === itemId);
    expect(saved).toMatchObject({
      subject: 'Kick-off <preview> & more',
      isOrganizer: true,
      meetingRequestWasSent: false,
    });
    expect(saved?.start).toBe(START.getTime());

    // The room is chosen after the first save, as in the pane: saving again changes the same item.
    const withRoom = appointment({
      location: 'Elbe, Harbour House',
      requiredAttendees: [...appointment().requiredAttendees, { name: 'Elbe', email: ROOM }],
    });
    expect(await outlook().save(EMMA, withRoom, itemId)).toEqual({ itemId });
    expect(calendarOf(ROOM).some((item) => item.cleanGlobalObjectId === saved?.cleanGlobalObjectId)).toBe(false);

    await outlook().send(EMMA, withRoom, itemId);
    await until(
      'the room to accept',
      () =>
        calendarOf(EMMA)
          .find((item) => item.itemId.id === itemId)
          ?.requiredAttendees.some((a) => a.mailbox.emailAddress === ROOM && a.responseType === 'Accept') ?? false,
    );
    const roomCopy = calendarOf(ROOM).find((item) => item.cleanGlobalObjectId === saved?.cleanGlobalObjectId);
    expect(roomCopy?.start).toBe(START.getTime());
  });

  it('refuses people without a mailbox in the simulator and items that are not theirs', async () => {
    await expect(outlook().save('gina.guest@partner.example', appointment())).rejects.toMatchObject({
      code: 'forbidden',
    });
    const { itemId } = await outlook().save(EMMA, appointment());
    await expect(outlook().send('lukas.meyer@northwind.test', appointment(), itemId)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('says it is gone once Roomserve’s Exchange is no longer the simulator', async () => {
    simulated = false;
    await expect(outlook().available()).resolves.toBe(false);
    simulated = true;
  });
});
