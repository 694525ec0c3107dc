/** @jest-environment jsdom */
import '../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildRoom, buildUser, pageOf } from '../ui/testing/builders';
import { FakeApi, apiError, noContent, ok } from '../ui/testing/fakeApi';
import { CSRF_TOKEN, renderApp, signedInAs, signedOut } from './testing/renderApp';

/** A server with an empty catalog, so the search page can load behind the sign-in. */
function serverWithRooms(): FakeApi {
  return new FakeApi()
    .on('get', '/api/rooms', ok(pageOf([buildRoom({ name: 'Lighthouse' })])))
    .on('get', '/api/rooms/:id/schedule', (_req, { id }) =>
      ok({ roomId: id, timeZone: 'UTC', from: '2026-05-04T07:00:00Z', to: '2026-05-04T20:00:00Z', entries: [] }),
    )
    .on('get', '/api/buildings', ok([]))
    .on('get', '/api/floors', ok([]));
}

describe('sign-in', () => {
  it('asks a signed-out visitor to sign in, explains a wrong password, then opens the room search', async () => {
    const user = userEvent.setup();
    const eve = buildUser({ name: 'Eve Employee', email: 'eve.employee@northwind.test' });
    const api = signedOut(serverWithRooms()).on('post', '/api/auth/login', (req) => {
      const { password } = req.json as { password: string };
      return password === 'Roomserve-demo-1'
        ? ok({ user: eve, csrfToken: CSRF_TOKEN, mustChangePassword: false })
        : apiError(401, 'invalid_credentials', 'Wrong email or password');
    });
    renderApp(api);

    await user.type(await screen.findByLabelText(/email/i), 'eve.employee@northwind.test');
    await user.type(screen.getByLabelText(/password/i), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The email or password is not right.');

    await user.clear(screen.getByLabelText(/password/i));
    // The keyboard is enough: Enter in the password field submits the form.
    await user.type(screen.getByLabelText(/password/i), 'Roomserve-demo-1{Enter}');

    expect(await screen.findByRole('heading', { name: 'Find a room', level: 1 })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Lighthouse' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Account of Eve Employee' })).toBeTruthy();
    expect(api.requestsTo('post', '/api/auth/login').at(-1)?.json).toEqual({
      email: 'eve.employee@northwind.test',
      password: 'Roomserve-demo-1',
    });
  });

  it('after an admin reset the password, asks for a new one before showing anything else', async () => {
    const user = userEvent.setup();
    const eve = buildUser({ name: 'Eve Employee', email: 'eve.employee@northwind.test' });
    const api = signedOut(serverWithRooms())
      .on('post', '/api/auth/login', ok({ user: eve, csrfToken: CSRF_TOKEN, mustChangePassword: true }))
      .on('post', '/api/auth/password', (req) => {
        const { currentPassword } = req.json as { currentPassword: string };
        return currentPassword === 'from-the-admin-1'
          ? ok({ user: eve, csrfToken: 'csrf-of-the-new-session', mustChangePassword: false })
          : apiError(422, 'current_password_wrong', 'The current password is not correct');
      });
    renderApp(api);

    await user.type(await screen.findByLabelText(/email/i), 'eve.employee@northwind.test');
    await user.type(screen.getByLabelText(/password/i), 'from-the-admin-1{Enter}');
    expect(await screen.findByRole('heading', { name: 'Choose a new password', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Find a room' })).toBeNull();
    expect(api.requestsTo('get', '/api/rooms')).toHaveLength(0);

    const current = screen.getByLabelText(/password from the administrator/i);
    await user.type(current, 'a-wrong-guess');
    await user.type(screen.getByLabelText(/^new password\s*\*?$/i), 'only-mine-now-1');
    await user.type(screen.getByLabelText(/new password again/i), 'only-mine-now-2');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The two new passwords are not the same.');
    expect(api.requestsTo('post', '/api/auth/password')).toHaveLength(0);

    await user.clear(screen.getByLabelText(/new password again/i));
    await user.type(screen.getByLabelText(/new password again/i), 'only-mine-now-1{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The password from the administrator is not right.',
    );

    await user.clear(current);
    await user.type(current, 'from-the-admin-1{Enter}');
    expect(await screen.findByRole('heading', { name: 'Find a room', level: 1 })).toBeTruthy();
    expect(api.requestsTo('post', '/api/auth/password').at(-1)?.json).toEqual({
      currentPassword: 'from-the-admin-1',
      newPassword: 'only-mine-now-1',
    });
  });

  it('does not call the server when the form is incomplete', async () => {
    const user = userEvent.setup();
    const api = signedOut(serverWithRooms());
    renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(screen.getByRole('alert').textContent).toContain('Enter your email and password.');
    expect(api.requestsTo('post', '/api/auth/login')).toHaveLength(0);
  });

  it('skips the form for a visitor who is still signed in, and signs out with the CSRF token', async () => {
    const user = userEvent.setup();
    const api = signedInAs(serverWithRooms(), buildUser({ name: 'Ada Admin', role: 'admin' })).on(
      'post',
      '/api/auth/logout',
      noContent(),
    );
    renderApp(api);

    await user.click(await screen.findByRole('button', { name: 'Account of Ada Admin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Roomserve' })).toBeTruthy();
    expect(api.requestsTo('post', '/api/auth/logout')[0]?.headers['X-CSRF-Token']).toBe(CSRF_TOKEN);
  });

  it('returns to the sign-in form when the session expires while using the app', async () => {
    const api = signedInAs(new FakeApi(), buildUser())
      .on('get', '/api/rooms', apiError(401, 'unauthenticated', 'Sign in first'))
      .on('get', '/api/buildings', ok([]))
      .on('get', '/api/floors', ok([]));
    renderApp(api);

    expect(await screen.findByRole('heading', { name: 'Sign in to Roomserve' })).toBeTruthy();
  });

  it('shows an error with a way to retry when the server cannot say who is signed in', async () => {
    const user = userEvent.setup();
    const api = serverWithRooms().on('get', '/api/auth/me', apiError(503, 'unavailable', 'Database down'));
    renderApp(api);

    expect((await screen.findByRole('alert')).textContent).toContain('The server had a problem');
    signedInAs(api, buildUser({ name: 'Eve Employee' }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('button', { name: 'Account of Eve Employee' })).toBeTruthy();
  });
});

describe('app shell', () => {
  it('shows the navigation and a not-found page for unknown addresses', async () => {
    const api = signedInAs(serverWithRooms(), buildUser());
    renderApp(api, '/no/such/page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav.textContent).toContain('Find a room');
    await waitFor(() => expect(api.requestsTo('get', '/api/rooms')).toHaveLength(0));
  });
});
