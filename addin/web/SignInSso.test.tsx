/** @jest-environment jsdom */
import '../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, apiError, ok } from '../ui/testing/fakeApi';
import { renderApp, signedOut } from './testing/renderApp';

describe('the sign-in page with single sign-on', () => {
  it('offers "Sign in with <provider>" first, as a link to the sign-in route', async () => {
    const api = signedOut(new FakeApi()).on(
      'get',
      '/api/auth/sign-in-options',
      ok({ sso: { displayName: 'Northwind AD FS', loginUrl: '/api/auth/sso/login' }, passwordSignIn: true }),
    );
    renderApp(api);
    const link = await screen.findByRole('link', { name: 'Sign in with Northwind AD FS' });
    expect(link.getAttribute('href')).toBe('/api/auth/sso/login');
    const email = screen.getByLabelText(/email/i);
    // "First": the button comes before the password form's fields.
    expect(link.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText('or with a Roomserve password')).toBeTruthy();
  });

  it('says that passwords are off when the server refuses one', async () => {
    const user = userEvent.setup();
    const api = signedOut(new FakeApi())
      .on(
        'get',
        '/api/auth/sign-in-options',
        ok({ sso: { displayName: 'Keycloak', loginUrl: '/api/auth/sso/login' }, passwordSignIn: false }),
      )
      .on('post', '/api/auth/login', apiError(403, 'forbidden', 'Password sign-in is turned off'));
    renderApp(api);
    expect(await screen.findByText('Emergency sign-in for the named administrator')).toBeTruthy();
    await user.type(screen.getByLabelText(/email/i), 'eve@northwind.test');
    await user.type(screen.getByLabelText(/password/i), 'Roomserve-demo-1{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Password sign-in is turned off. Use the button above.',
    );
  });

  it('shows the password form alone while single sign-on is off', async () => {
    const api = signedOut(new FakeApi()).on(
      'get',
      '/api/auth/sign-in-options',
      ok({ sso: null, passwordSignIn: true }),
    );
    renderApp(api);
    expect(await screen.findByRole('heading', { name: 'Sign in to Roomserve' })).toBeTruthy();
    await waitFor(() => expect(api.requestsTo('get', '/api/auth/sign-in-options')).toHaveLength(1));
    await screen.findByLabelText(/email/i);
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull();
  });
});
