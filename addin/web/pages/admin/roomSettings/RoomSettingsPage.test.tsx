/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoomBookingRulesView } from '../../../../../shared/schemas/bookings';
import type { Room } from '../../../../../shared/schemas/locations';
import { buildRoom, pageOf } from '../../../../ui/testing/builders';
import { apiError, ok, type FakeApi, type RecordedRequest } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminServer } from '../testSupport';
import { roomSettingsStrings as text } from './strings';

const FILE_A = '00000000-0000-4000-8000-00000000f00a';
const FILE_B = '00000000-0000-4000-8000-00000000f00b';
const FILE_C = '00000000-0000-4000-8000-00000000f00c';

const erft = buildRoom({
  name: 'Erft',
  capacity: 6,
  tags: ['Projector', 'Whiteboard'],
  images: [
    { url: `/api/files/${FILE_A}`, alt: 'Erft' },
    { url: `/api/files/${FILE_B}`, alt: 'Erft' },
  ],
});
const ruhr = buildRoom({ name: 'Ruhr', capacity: 12, tags: ['Video conference'], floorName: 'First floor' });
const rules: RoomBookingRulesView = {
  maxDurationMinutes: 480,
  bookingWindowDays: 180,
  minNoticeMinutes: 0,
  readOnly: false,
};

/** Saves answer what was sent, merged into the room, as the server does. */
function server(): FakeApi {
  const rooms = [erft, ruhr];
  return adminServer()
    .on('get', '/api/rooms', ok(pageOf(rooms)))
    .on('get', '/api/rooms/:id', (_req, params) => {
      const room = rooms.find((r) => r.id === params.id);
      return room ? ok(room) : apiError(404, 'not_found');
    })
    .on('get', '/api/rooms/:id/booking-rules', ok(rules))
    .on('patch', '/api/rooms/:id', (req: RecordedRequest, params) => {
      const room = rooms.find((r) => r.id === params.id) as Room;
      const { imageFileIds, ...rest } = req.json as { imageFileIds: string[] } & Partial<Room>;
      return ok({ ...room, ...rest, images: imageFileIds.map((id) => ({ url: `/api/files/${id}`, alt: room.name })) });
    })
    .on('put', '/api/rooms/:id/booking-rules', (req: RecordedRequest) => ok(req.json));
}

const input = (label: string) => screen.getByLabelText(label, { exact: false, selector: 'input' });

async function openRoom(name: string) {
  const user = userEvent.setup();
  const list = await screen.findByRole('list', { name: text.listLabel });
  await user.click(within(list).getByRole('link', { name: new RegExp(name) }));
  await screen.findByRole('form', { name: text.formLabel(name) });
  return user;
}

describe('Room settings page', () => {
  it('finds a room by its tag and floor, and saves capacity, tags, audience and booking rules', async () => {
    const api = server();
    renderApp(api, '/admin/room-settings');
    const user = userEvent.setup();

    await user.type(await screen.findByRole('searchbox', { name: text.search }), 'video first');
    const list = screen.getByRole('list', { name: text.listLabel });
    await waitFor(() => expect(within(list).queryByText('Erft')).toBeNull());
    expect(within(list).getByText('Ruhr')).toBeTruthy();
    await user.clear(screen.getByRole('searchbox', { name: text.search }));

    await openRoom('Erft');
    await user.clear(input(text.capacity));
    await user.type(input(text.capacity), '8');
    await user.click(screen.getByRole('button', { name: text.removeTag('Whiteboard') }));
    await user.type(screen.getByRole('combobox', { name: text.newTag }), 'Standing desk{Enter}');
    // A tag the room has already, typed in another case, is not added twice.
    await user.type(screen.getByRole('combobox', { name: text.newTag }), 'projector{Enter}');
    await user.click(screen.getByRole('switch', { name: text.bookableExternal }));
    await user.clear(input(text.maxDuration));
    await user.type(input(text.maxDuration), '120');
    await user.click(screen.getByRole('switch', { name: text.roomReadOnly }));
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(api.requestsTo('patch', `/api/rooms/${erft.id}`)[0]?.json).toEqual({
      capacity: 8,
      tags: ['Projector', 'Standing desk'],
      imageFileIds: [FILE_A, FILE_B],
      bookableInternal: true,
      bookableExternal: true,
    });
    expect(api.requestsTo('put', `/api/rooms/${erft.id}/booking-rules`)[0]?.json).toEqual({
      maxDurationMinutes: 120,
      bookingWindowDays: 180,
      minNoticeMinutes: 0,
      readOnly: true,
    });
    expect(screen.getByRole('button', { name: text.removeTag('Standing desk') })).toBeTruthy();
  });

  it('uploads a picture, reorders and removes pictures, and saves them in that order', async () => {
    const api = server().on('post', '/api/files', {
      status: 201,
      body: {
        id: FILE_C,
        url: `/api/files/${FILE_C}`,
        contentType: 'image/png',
        size: 68,
        width: 1,
        height: 1,
        sha256: 'ab',
      },
    });
    renderApp(api, `/admin/room-settings?room=${erft.id}`);
    const user = await openRoom('Erft');

    const file = new File([new Uint8Array([137, 80, 78, 71])], 'window.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText(text.upload, { exact: false }), { target: { files: [file] } });
    expect(await screen.findByAltText(text.pictureAlt('Erft', 3))).toBeTruthy();
    expect(api.requestsTo('post', '/api/files')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: text.moveUp(3) }));
    await user.click(screen.getByRole('button', { name: text.removePicture(1) }));
    await user.click(screen.getByRole('button', { name: text.save }));

    await waitFor(() => expect(api.requestsTo('put', `/api/rooms/${erft.id}/booking-rules`)).toHaveLength(1), {
      timeout: 10_000,
    });
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(api.requestsTo('patch', `/api/rooms/${erft.id}`)[0]?.json).toMatchObject({ imageFileIds: [FILE_C, FILE_B] });
  });

  it('shows the server’s complaints next to their fields and leaves the rules unsaved', async () => {
    const api = server().on(
      'patch',
      '/api/rooms/:id',
      apiError(400, 'validation_failed', 'Invalid request body', {
        issues: [{ path: 'capacity', message: 'Too small: expected number to be >=1' }],
      }),
    );
    renderApp(api, `/admin/room-settings?room=${erft.id}`);
    const user = await openRoom('Erft');

    await user.clear(input(text.capacity));
    await user.type(input(text.capacity), '0');
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByText('Too small: expected number to be >=1')).toBeTruthy();
    expect(input(text.capacity).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(text.fieldsInvalid)).toBeTruthy();
    expect(api.requestsTo('put', `/api/rooms/${erft.id}/booking-rules`)).toHaveLength(0);
  });

  it('says why an upload was refused, at the pictures', async () => {
    const api = server().on(
      'post',
      '/api/files',
      apiError(422, 'unprocessable', 'The SVG contains a script and was refused'),
    );
    renderApp(api, `/admin/room-settings?room=${erft.id}`);
    await openRoom('Erft');
    const file = new File(['<svg><script/></svg>'], 'evil.svg', { type: 'image/svg+xml' });
    fireEvent.change(screen.getByLabelText(text.upload, { exact: false }), { target: { files: [file] } });
    expect(await screen.findByText('The SVG contains a script and was refused')).toBeTruthy();
    expect(screen.queryByAltText(text.pictureAlt('Erft', 3))).toBeNull();
  });
});
