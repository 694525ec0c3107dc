/** @jest-environment jsdom */
import '../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildBuilding, buildRoom, pageOf } from '../../ui/testing/builders';
import { apiError, FakeApi, ok, type FakeReply } from '../../ui/testing/fakeApi';
import { IDENTITY_TOKEN, renderTaskpane } from '../testing/renderTaskpane';

/**
 * An Outlook user Roomserve cannot find through Exchange: every call answers 401 `link-required`
 * until they have signed in once in the pane (POST /api/addin/link with the identity token).
 */

const PASSWORD = 'lukas-password-1';
const harbour = buildBuilding({ name: 'Harbour House' });
const anchor = buildRoom({ name: 'Anchor', buildingId: harbour.id, buildingName: 'Harbour House' });
const linkRequired = apiError(401, 'unauthenticated', 'sign in once', { reason: 'link-required' });
const lukas = {
  id: '00000000-0000-4000-8000-000000000042',
  email: 'lukas@northwind.test',
  name: 'Lukas Meyer',
  role: 'employee',
  active: true,
  createdAt: '2026-11-24T08:00:00.000Z',
};

/** A server that knows the identity token only once it was linked with Lukas's password. */
function server(options: { reason?: string } = {}): FakeApi & { linked: () => boolean } {
  let linked = false;
  const refused = options.reason
    ? apiError(401, 'unauthenticated', 'refused', { reason: options.reason })
    : linkRequired;
  const signedIn = (reply: FakeReply) => () => (linked ? reply : refused);
  const api = new FakeApi()
    .on('get', '/api/buildings', signedIn(ok([harbour])))
    .on('get', '/api/floors', signedIn(ok([])))
    .on('get', '/api/rooms', signedIn(ok(pageOf([anchor]))))
    .on('post', '/api/addin/link', (req) => {
      const body = req.json as { email?: string; password?: string };
      if (body.email !== lukas.email || body.password !== PASSWORD)
        return apiError(401, 'invalid_credentials', 'The email or password is not correct');
      linked = true;
      return ok({ user: lukas, csrfToken: null, mustChangePassword: false });
    });
  return Object.assign(api, { linked: () => linked });
}

const searches = (api: FakeApi) => api.requestsTo('get', '/api/rooms');

describe('the one-time sign-in', () => {
  it('appears when the server asks for it, works from the keyboard, and then loads the pane again', async () => {
    const user = userEvent.setup();
    const api = server();
    renderTaskpane(api);

    expect(await screen.findByRole('heading', { name: 'Sign in to Roomserve once' })).toBeTruthy();
    expect(screen.getByText(/could not tell from Exchange which Roomserve account is yours/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Anchor', level: 3 })).toBeNull();
    const searchesBefore = searches(api).length;

    const email = screen.getByLabelText(/^Roomserve email/);
    await user.click(email);
    await user.keyboard(lukas.email);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Roomserve password/));
    await user.keyboard(`${PASSWORD}{Enter}`);

    expect(await screen.findByRole('heading', { name: 'Anchor', level: 3 })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Sign in to Roomserve once' })).toBeNull();
    expect(searches(api).length).toBeGreaterThan(searchesBefore);
    const [linkCall] = api.requestsTo('post', '/api/addin/link');
    expect(linkCall?.headers.Authorization).toBe(`Bearer ${IDENTITY_TOKEN}`);
    expect(linkCall?.json).toEqual({ email: lukas.email, password: PASSWORD });
  });

  it('says so when the password is wrong, and stays', async () => {
    const user = userEvent.setup();
    const api = server();
    renderTaskpane(api);

    await user.type(await screen.findByLabelText(/^Roomserve email/), lukas.email);
    await user.type(screen.getByLabelText(/^Roomserve password/), 'a wrong guess');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The email or password is not correct.');
    expect(api.linked()).toBe(false);
    expect(screen.getByRole('heading', { name: 'Sign in to Roomserve once' })).toBeTruthy();
  });

  it('asks for both fields before calling the server, and tells users without a password whom to ask', async () => {
    const user = userEvent.setup();
    const api = server();
    renderTaskpane(api);

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter your email and password.');
    expect(api.requestsTo('post', '/api/addin/link')).toHaveLength(0);
    expect(screen.getByText('No Roomserve password? Ask your Roomserve admin to set one for you.')).toBeTruthy();
  });

  it('does not appear for other refusals (an expired token is not fixed by a password)', async () => {
    const api = server({ reason: 'expired' });
    renderTaskpane(api);

    await waitFor(() => expect(screen.getAllByRole('alert').length).toBeGreaterThan(0));
    expect(screen.queryByRole('heading', { name: 'Sign in to Roomserve once' })).toBeNull();
  });
});
