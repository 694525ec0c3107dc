/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Display, DisplaySettingsView } from '../../../../../shared/schemas/displays';
import { buildRoom, pageOf, uuid } from '../../../../ui/testing/builders';
import { apiError, noContent, ok, type FakeApi, type RecordedRequest } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminStrings } from '../strings';
import { adminServer } from '../testSupport';
import { displaysStrings as text } from './strings';

const elbe = buildRoom({ name: 'Elbe', floorName: 'Ground floor', buildingName: 'Harbour House' });
const alster = buildRoom({ name: 'Alster', floorName: 'Ground floor', buildingName: 'Harbour House' });
const SETTINGS: DisplaySettingsView = {
  showSubjects: true,
  showOrganizers: true,
  checkInRequired: false,
  checkInWindowBeforeMinutes: 10,
  checkInWindowAfterMinutes: 10,
  releaseAfterMinutes: 10,
  bookNowOptions: [15, 30, 60, 'until-next'],
};
const FOLLOW_ALL = {
  showSubjects: null,
  showOrganizers: null,
  checkInRequired: null,
  checkInWindowBeforeMinutes: null,
  checkInWindowAfterMinutes: null,
  releaseAfterMinutes: null,
  bookNowOptions: null,
};

function buildDisplay(overrides: Partial<Display> = {}): Display {
  return {
    id: uuid(),
    roomId: elbe.id,
    roomName: 'Elbe',
    status: 'paired',
    online: true,
    lastSeenAt: '2026-12-07T08:15:00.000Z',
    appVersion: 'b-4f2a91c',
    createdAt: '2026-12-07T08:00:00.000Z',
    pairedAt: '2026-12-07T08:01:00.000Z',
    pairingExpiresAt: null,
    pinSet: false,
    ...overrides,
  };
}

/** An admin's server with these displays; saves answer what was sent, as the server does. */
function server(displays: Display[] = []): FakeApi {
  return adminServer()
    .on('get', '/api/rooms', ok(pageOf([elbe, alster])))
    .on('get', '/api/admin/displays', () => ok({ items: displays }))
    .on('get', '/api/admin/display-settings', ok(SETTINGS))
    .on('put', '/api/admin/display-settings', (req: RecordedRequest) => ok(req.json))
    .on('get', '/api/admin/display-settings/rooms/:id', ok(FOLLOW_ALL))
    .on('put', '/api/admin/display-settings/rooms/:id', (req: RecordedRequest) => ok(req.json))
    .on('put', '/api/admin/displays/:id/pin', noContent())
    .on('delete', '/api/admin/displays/:id', noContent());
}

/** As in the users and locations pages' tests: jsdom's tabster hides the open modal from role queries (the browser test checks the real one). */
const IN_DIALOG = { hidden: true } as const;

const displayList = async () => screen.findByRole('list', { name: text.list.label });

/**
 * The open dialog with this title, found through its title's text: a role query over the whole
 * page (hidden nodes included) takes seconds in jsdom on a busy machine, and then timed out.
 */
async function dialogTitled(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title);
  const dialog = heading.closest<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error(`"${title}" is not the title of a dialog`);
  return dialog;
}

describe('Admin → Displays', () => {
  it('is linked from the admin navigation and shows each display’s room, state in words, last seen, version and PIN', async () => {
    const user = userEvent.setup();
    const api = server([
      buildDisplay({ roomName: 'Elbe', online: true, pinSet: true }),
      buildDisplay({ roomName: 'Alster', online: false, appVersion: null, lastSeenAt: null }),
      buildDisplay({ roomName: 'Bille', status: 'awaiting-pairing', online: false, lastSeenAt: null, pairedAt: null }),
      buildDisplay({ roomName: 'Este', status: 'pairing-expired', online: false, lastSeenAt: null, pairedAt: null }),
    ]);
    renderApp(api, '/admin/users');

    const sections = await screen.findByRole('navigation', { name: adminStrings.area.label });
    await user.click(within(sections).getByRole('link', { name: text.tab }));
    expect(await screen.findByRole('heading', { name: text.title, level: 1 })).toBeTruthy();

    const list = await displayList();
    const elbeRow = within(list).getByRole('listitem', { name: 'Elbe' });
    expect(within(elbeRow).getByText(text.list.status.paired)).toBeTruthy();
    expect(within(elbeRow).getByText(text.list.online)).toBeTruthy();
    expect(within(elbeRow).getByText('b-4f2a91c')).toBeTruthy();
    expect(within(elbeRow).getByText(text.list.pinSet)).toBeTruthy();
    const alsterRow = within(list).getByRole('listitem', { name: 'Alster' });
    expect(within(alsterRow).getByText(text.list.offline)).toBeTruthy();
    expect(within(alsterRow).getByText(text.list.never)).toBeTruthy();
    expect(within(alsterRow).getByText(text.list.unknownVersion)).toBeTruthy();
    expect(within(alsterRow).getByText(text.list.pinNotSet)).toBeTruthy();
    const billeRow = within(list).getByRole('listitem', { name: 'Bille' });
    expect(within(billeRow).getByText(text.list.status['awaiting-pairing'])).toBeTruthy();
    // Not paired yet: neither online nor offline.
    expect(within(billeRow).queryByText(text.list.offline)).toBeNull();
    expect(within(list).getByText(text.list.status['pairing-expired'])).toBeTruthy();
  });

  it('adds a display for the picked room and shows its code large, its QR code, address and time left', async () => {
    const user = userEvent.setup();
    const displays: Display[] = [];
    const url = 'https://rooms.northwind.test/display?code=K7QM-XW3P';
    const api = server(displays).on('post', '/api/admin/displays', (req: RecordedRequest) => {
      displays.push(buildDisplay({ status: 'awaiting-pairing', online: false, lastSeenAt: null }));
      return {
        status: 201,
        body: {
          id: displays[0]?.id,
          pairingCode: 'K7QM-XW3P',
          pairingUrl: url,
          expiresAt: new Date(Date.now() + 90_000).toISOString(),
          sent: req.json,
        },
      };
    });
    renderApp(api, '/admin/displays');

    expect(await screen.findByText(text.list.empty)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: text.add.submit }));
    expect(await screen.findByText(text.add.roomRequired)).toBeTruthy();
    expect(api.requestsTo('post', '/api/admin/displays')).toHaveLength(0);

    const form = screen.getByRole('form', { name: text.add.heading });
    await user.selectOptions(
      within(form).getByRole('combobox', { name: text.add.room }),
      'Elbe · Ground floor · Harbour House',
    );
    await user.click(within(form).getByRole('button', { name: text.add.submit }));

    const panel = await screen.findByRole('region', { name: text.add.panelLabel('Elbe') });
    expect(api.requestsTo('post', '/api/admin/displays')[0]?.json).toEqual({ roomId: elbe.id });
    expect(within(panel).getByLabelText(text.add.code).textContent).toBe('K7QM-XW3P');
    expect(within(panel).getByRole<HTMLInputElement>('textbox', { name: text.add.url }).value).toBe(url);
    const qr = await within(panel).findByRole<HTMLImageElement>('img', { name: text.add.qrAlt(url) });
    expect(decodeURIComponent(qr.src)).toMatch(/^data:image\/svg\+xml;charset=utf-8,<svg[\s\S]*<path/);
    expect(within(panel).getByRole('timer').textContent).toMatch(/^Expires in 1:(29|30)$/);
    // The new display joins the list at once.
    expect(within(await displayList()).getByText(text.list.status['awaiting-pairing'])).toBeTruthy();
  });

  it('says when the code has expired instead of counting on', async () => {
    const user = userEvent.setup();
    const api = server().on('post', '/api/admin/displays', {
      status: 201,
      body: {
        id: uuid(),
        pairingCode: 'K7QM-XW3P',
        pairingUrl: 'https://rooms.northwind.test/display?code=K7QM-XW3P',
        expiresAt: new Date(Date.now() - 1_000).toISOString(),
      },
    });
    renderApp(api, '/admin/displays');
    const form = await screen.findByRole('form', { name: text.add.heading });
    await user.selectOptions(
      within(form).getByRole('combobox', { name: text.add.room }),
      'Alster · Ground floor · Harbour House',
    );
    await user.click(within(form).getByRole('button', { name: text.add.submit }));
    expect(await screen.findByText(text.add.expired)).toBeTruthy();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('revokes a display only once the admin confirms', async () => {
    const user = userEvent.setup();
    const display = buildDisplay({ roomName: 'Elbe' });
    const displays = [display];
    const api = server(displays).on('delete', '/api/admin/displays/:id', () => {
      displays.pop();
      return noContent();
    });
    renderApp(api, '/admin/displays');

    await user.click(await screen.findByRole('button', { name: text.list.revokeFor('Elbe') }));
    const dialog = await dialogTitled(text.revoke.title('Elbe'));
    await user.click(within(dialog).getByRole('button', { name: text.revoke.cancel, ...IN_DIALOG }));
    expect(api.requestsTo('delete', `/api/admin/displays/${display.id}`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: text.list.revokeFor('Elbe') }));
    await user.click(
      within(await dialogTitled(text.revoke.title('Elbe'))).getByRole('button', {
        name: text.revoke.confirm,
        ...IN_DIALOG,
      }),
    );
    expect(await screen.findByText(text.revoke.done('Elbe'))).toBeTruthy();
    expect(api.requestsTo('delete', `/api/admin/displays/${display.id}`)).toHaveLength(1);
    expect(await screen.findByText(text.list.empty)).toBeTruthy();
  });

  it('sets a PIN of 4 to 8 digits, refuses others without asking the server, and clears a set one', async () => {
    const user = userEvent.setup();
    const display = buildDisplay({ roomName: 'Elbe' });
    const displays = [display];
    const path = `/api/admin/displays/${display.id}/pin`;
    const api = server(displays).on('put', '/api/admin/displays/:id/pin', (req: RecordedRequest) => {
      displays[0] = { ...display, pinSet: (req.json as { pin: string | null }).pin !== null };
      return noContent();
    });
    renderApp(api, '/admin/displays');

    await user.click(await screen.findByRole('button', { name: text.list.setPinFor('Elbe') }));
    let dialog = await dialogTitled(text.pin.title('Elbe'));
    expect(within(dialog).queryByRole('button', { name: text.pin.clear, ...IN_DIALOG })).toBeNull();
    await user.type(within(dialog).getByRole('textbox', { name: text.pin.field, ...IN_DIALOG }), '12a');
    await user.click(within(dialog).getByRole('button', { name: text.pin.save, ...IN_DIALOG }));
    expect(await within(dialog).findByText(text.pin.invalid)).toBeTruthy();
    expect(api.requestsTo('put', path)).toHaveLength(0);

    await user.clear(within(dialog).getByRole('textbox', { name: text.pin.field, ...IN_DIALOG }));
    await user.type(within(dialog).getByRole('textbox', { name: text.pin.field, ...IN_DIALOG }), '4711');
    await user.click(within(dialog).getByRole('button', { name: text.pin.save, ...IN_DIALOG }));
    expect(await screen.findByText(text.pin.saved('Elbe'))).toBeTruthy();
    expect(api.requestsTo('put', path).map((r) => r.json)).toEqual([{ pin: '4711' }]);
    const row = within(await displayList()).getByRole('listitem', { name: 'Elbe' });
    await waitFor(() => expect(within(row).getByText(text.list.pinSet)).toBeTruthy());

    await user.click(screen.getByRole('button', { name: text.list.setPinFor('Elbe') }));
    dialog = await dialogTitled(text.pin.title('Elbe'));
    await user.click(within(dialog).getByRole('button', { name: text.pin.clear, ...IN_DIALOG }));
    expect(await screen.findByText(text.pin.cleared('Elbe'))).toBeTruthy();
    expect(api.requestsTo('put', path).map((r) => r.json)).toEqual([{ pin: '4711' }, { pin: null }]);
  });

  it('saves the installation’s display settings, and checks the minutes and durations first', async () => {
    const user = userEvent.setup();
    const api = server();
    renderApp(api, '/admin/displays');
    const form = await screen.findByRole('form', { name: text.settings.formLabel });

    await user.click(within(form).getByRole('switch', { name: text.settings.showOrganizers }));
    await user.click(within(form).getByRole('switch', { name: text.settings.checkInRequired }));
    const release = within(form).getByRole('spinbutton', { name: text.settings.releaseAfter });
    await user.clear(release);
    await user.type(release, '0');
    await user.click(within(form).getByRole('checkbox', { name: text.settings.durations[60] }));
    await user.click(within(form).getByRole('button', { name: text.settings.save }));
    expect(await within(form).findByText(text.settings.wholeMinutes(1, 60))).toBeTruthy();
    expect(api.requestsTo('put', '/api/admin/display-settings')).toHaveLength(0);

    await user.clear(release);
    await user.type(release, '5');
    await user.click(within(form).getByRole('button', { name: text.settings.save }));
    expect(await within(form).findByText(text.settings.saved)).toBeTruthy();
    expect(api.requestsTo('put', '/api/admin/display-settings')[0]?.json).toEqual({
      ...SETTINGS,
      showOrganizers: false,
      checkInRequired: true,
      releaseAfterMinutes: 5,
      bookNowOptions: [15, 30, 'until-next'],
    });
  });

  it('shows the server’s refusal of a setting next to its field', async () => {
    const user = userEvent.setup();
    const api = server().on(
      'put',
      '/api/admin/display-settings',
      apiError(400, 'validation_failed', 'Invalid request body', {
        issues: [{ path: 'checkInWindowAfterMinutes', message: 'Too big: expected number to be <=60' }],
      }),
    );
    renderApp(api, '/admin/displays');
    const form = await screen.findByRole('form', { name: text.settings.formLabel });
    await user.click(within(form).getByRole('button', { name: text.settings.save }));
    expect(await within(form).findByText('Too big: expected number to be <=60')).toBeTruthy();
    expect(within(form).queryByText(text.settings.saved)).toBeNull();
  });

  it('saves one room’s own settings, leaving the rest to follow the installation', async () => {
    const user = userEvent.setup();
    const api = server();
    renderApp(api, '/admin/displays');
    await screen.findByRole('form', { name: text.settings.formLabel });
    await user.selectOptions(
      screen.getByRole('combobox', { name: text.room.pick }),
      'Alster · Ground floor · Harbour House',
    );
    const form = await screen.findByRole('form', { name: text.room.formLabel('Alster') });
    const subjects = within(form).getByRole('combobox', { name: text.settings.showSubjects });
    expect(within(subjects).getByRole('option', { selected: true }).textContent).toBe(text.room.follow(text.room.yes));
    await user.selectOptions(subjects, text.room.no);
    await user.type(within(form).getByRole('spinbutton', { name: text.settings.windowBefore }), '15');
    await user.click(within(form).getByRole('checkbox', { name: text.room.ownBookNow }));
    await user.click(within(form).getByRole('checkbox', { name: text.settings.durations['until-next'] }));
    await user.click(within(form).getByRole('button', { name: text.settings.save }));

    expect(await within(form).findByText(text.room.saved('Alster'))).toBeTruthy();
    expect(api.requestsTo('put', `/api/admin/display-settings/rooms/${alster.id}`)[0]?.json).toEqual({
      ...FOLLOW_ALL,
      showSubjects: false,
      checkInWindowBeforeMinutes: 15,
      bookNowOptions: [15, 30, 60],
    });
  });

  it('offers “Open display” in the demo only', async () => {
    const link = 'http://localhost:3000/display#token=rs_dsp_demo';
    const demo = server()
      .on('get', '/api/info', ok({ simulatedExchange: true, demo: true }))
      .on('get', '/api/demo/display-link', ok({ url: link }));
    const { unmount } = renderApp(demo, '/admin/displays');
    expect((await screen.findByRole<HTMLAnchorElement>('link', { name: text.openDisplay })).href).toBe(link);
    unmount();

    const real = server();
    renderApp(real, '/admin/displays');
    await screen.findByRole('form', { name: text.settings.formLabel });
    await waitFor(() => expect(real.requestsTo('get', '/api/info').length).toBeGreaterThan(0));
    expect(screen.queryByRole('link', { name: text.openDisplay })).toBeNull();
    expect(real.requestsTo('get', '/api/demo/display-link')).toHaveLength(0);
  });
});
