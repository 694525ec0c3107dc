/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, ok, type RecordedRequest } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminStrings } from '../strings';
import { adminServer } from '../testSupport';

const text = adminStrings.webhooks;
const PATH = '/api/catalog/webhook-allow-list';
const field = () => screen.getByLabelText(text.entries, { exact: false, selector: 'textarea' });

describe('Catering webhooks page', () => {
  it('is linked from the admin navigation and shows the stored list, one entry per line', async () => {
    const user = userEvent.setup();
    const api = adminServer().on('get', PATH, ok({ entries: ['10.20.0.0/16', '192.168.5.12'] }));
    renderApp(api, '/admin/locations');

    const sections = await screen.findByRole('navigation', { name: adminStrings.area.label });
    await user.click(within(sections).getByRole('link', { name: adminStrings.tabs.webhooks }));
    expect(await screen.findByRole('heading', { name: text.title, level: 1 })).toBeTruthy();
    expect((await screen.findByRole<HTMLTextAreaElement>('textbox')).value).toBe('10.20.0.0/16\n192.168.5.12');
  });

  it('saves the lines as entries, leaving out blank lines and spaces', async () => {
    const user = userEvent.setup();
    const api = adminServer()
      .on('get', PATH, ok({ entries: [] }))
      .on('put', PATH, (req: RecordedRequest) => ok(req.json));
    renderApp(api, '/admin/webhooks');

    expect(await screen.findByText(text.empty, { exact: false })).toBeTruthy();
    await user.type(field(), '  10.20.30.0/24 {Enter}{Enter}fd00::5');
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));

    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(api.requestsTo('put', PATH)[0]?.json).toEqual({ entries: ['10.20.30.0/24', 'fd00::5'] });
  });

  it('shows the server’s message for a bad entry next to the field, naming the entry', async () => {
    const user = userEvent.setup();
    const message = 'must be an IP address or a network in CIDR notation, e.g. 10.20.0.0/16';
    const api = adminServer()
      .on('get', PATH, ok({ entries: [] }))
      .on(
        'put',
        PATH,
        apiError(400, 'validation_failed', 'Invalid request body', { issues: [{ path: 'entries.1', message }] }),
      );
    renderApp(api, '/admin/webhooks');

    await user.type(await screen.findByRole('textbox'), '10.0.0.1{Enter}intranet.local');
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));

    expect(await screen.findByText(text.entryProblem('intranet.local', message))).toBeTruthy();
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(text.saved)).toBeNull();
  });
});
