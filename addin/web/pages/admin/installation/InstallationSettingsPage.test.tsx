/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BookingSettings } from '../../../../../shared/schemas/bookings';
import { apiError, ok, type FakeApi, type RecordedRequest } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminServer } from '../testSupport';
import { installationStrings as text, privacyStrings } from './strings';

const PAGE = '/admin/installation';
const PATH = '/api/admin/booking-settings';

const PRIVACY = '/api/admin/privacy-settings';

function server(stored: BookingSettings): FakeApi {
  return adminServer()
    .on('get', PATH, ok(stored))
    .on('put', PATH, (req: RecordedRequest) => ok(req.json))
    .on('get', PRIVACY, ok({ organizerNames: 'signed-in', subjects: 'non-private' }))
    .on('put', PRIVACY, (req: RecordedRequest) => ok(req.json));
}

const mailboxInput = () => screen.getByLabelText(text.bookingMailbox, { exact: false, selector: 'input' });

describe('Installation settings page', () => {
  it('switches read-only mode on and saves a booking mailbox', async () => {
    const user = userEvent.setup();
    const api = server({ readOnly: false, bookingMailbox: null, mode: 'simple' });
    renderApp(api, PAGE);

    const readOnly = await screen.findByRole('switch', { name: text.readOnly });
    expect((readOnly as HTMLInputElement).checked).toBe(false);
    await user.click(readOnly);
    await user.type(mailboxInput(), ' bookings@northwind.test ');
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(api.requestsTo('put', PATH)[0]?.json).toEqual({
      readOnly: true,
      bookingMailbox: 'bookings@northwind.test',
      mode: 'simple',
    });
    expect(screen.getByText(text.readOnlyOnWarning)).toBeTruthy();
  });

  it('sends null for an emptied mailbox: the service account’s own mailbox', async () => {
    const user = userEvent.setup();
    const api = server({ readOnly: true, bookingMailbox: 'bookings@northwind.test', mode: 'simple' });
    renderApp(api, PAGE);

    expect(await screen.findByText(text.readOnlyOnWarning)).toBeTruthy();
    expect((mailboxInput() as HTMLInputElement).value).toBe('bookings@northwind.test');
    await user.clear(mailboxInput());
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(api.requestsTo('put', PATH)[0]?.json).toEqual({ readOnly: true, bookingMailbox: null, mode: 'simple' });
  });

  it('turns event management on and keeps it after saving', async () => {
    const user = userEvent.setup();
    const api = server({ readOnly: false, bookingMailbox: null, mode: 'simple' });
    renderApp(api, PAGE);

    const events = await screen.findByRole('radio', { name: text.modeEvents });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: text.modeSimple }).checked).toBe(true);
    await user.click(events);
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(api.requestsTo('put', PATH)[0]?.json).toEqual({ readOnly: false, bookingMailbox: null, mode: 'events' });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: text.modeEvents }).checked).toBe(true);
  });

  it('shows the server’s complaint next to the mailbox field and keeps the page unsaved', async () => {
    const user = userEvent.setup();
    const api = server({ readOnly: false, bookingMailbox: null, mode: 'simple' }).on(
      'put',
      PATH,
      apiError(400, 'validation_failed', 'Invalid request body', {
        issues: [{ path: 'bookingMailbox', message: 'Invalid email address' }],
      }),
    );
    renderApp(api, PAGE);

    await user.type(await screen.findByLabelText(text.bookingMailbox, { exact: false, selector: 'input' }), 'bookings');
    await user.click(screen.getByRole('button', { name: text.save }));

    expect(await screen.findByText('Invalid email address')).toBeTruthy();
    expect(mailboxInput().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(text.fieldsInvalid)).toBeTruthy();
    expect(screen.queryByText(text.saved)).toBeNull();
  });

  it('saves who sees organizer names and subjects', async () => {
    const user = userEvent.setup();
    const api = server({ readOnly: false, bookingMailbox: null, mode: 'simple' });
    renderApp(api, PAGE);

    const employeesOnly = await screen.findByRole('radio', { name: privacyStrings.namesEmployees });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: privacyStrings.namesSignedIn }).checked).toBe(true);
    await user.click(employeesOnly);
    await user.click(screen.getByRole('radio', { name: privacyStrings.subjectsNever }));
    await user.click(screen.getByRole('button', { name: privacyStrings.save }));

    expect(await screen.findByText(privacyStrings.saved)).toBeTruthy();
    expect(api.requestsTo('put', PRIVACY)[0]?.json).toEqual({ organizerNames: 'employees', subjects: 'never' });
  });
});
