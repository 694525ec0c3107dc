/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildRoom, buildUser, pageOf } from '../../../ui/testing/builders';
import { apiError, FakeApi, noContent, ok } from '../../../ui/testing/fakeApi';
import { uiStrings } from '../../../ui/strings';
import { CSRF_TOKEN, renderApp, signedOut } from '../../testing/renderApp';
import { externalLinkStrings as text } from './strings';

const TOKEN = 'A'.repeat(43);
const tara = buildUser({ name: 'Tara Lind', email: 'tara@werft.example', role: 'external' });

/** Signed out, with the room search behind the sign-in ready to load. */
function server(): FakeApi {
  return signedOut(new FakeApi())
    .on('get', '/api/rooms', ok(pageOf([buildRoom({ name: 'Lighthouse' })])))
    .on('get', '/api/rooms/:id/schedule', (_req, { id }) =>
      ok({ roomId: id, timeZone: 'UTC', from: '2026-05-04T07:00:00Z', to: '2026-05-04T20:00:00Z', entries: [] }),
    )
    .on('get', '/api/buildings', ok([]))
    .on('get', '/api/floors', ok([]));
}

describe('the invitation page', () => {
  it('checks the password in the browser, then accepts with it and opens the room search signed in', async () => {
    const user = userEvent.setup();
    const api = server().on(
      'post',
      '/api/externals/accept',
      ok({ user: tara, csrfToken: CSRF_TOKEN, mustChangePassword: false }),
    );
    const { router } = renderApp(api, `/externals/accept?token=${TOKEN}`);

    await user.type(await screen.findByLabelText(text.accept.password), 'too-short');
    await user.click(screen.getByRole('button', { name: text.accept.submit }));
    expect(await screen.findByText(text.accept.tooShort)).toBeTruthy();
    expect(api.requestsTo('post', '/api/externals/accept')).toHaveLength(0);

    await user.clear(screen.getByLabelText(text.accept.password));
    await user.type(screen.getByLabelText(text.accept.password), 'werft-sued-2026!');
    await user.type(screen.getByLabelText(text.accept.repeat), 'werft-sued-2026!');
    await user.click(screen.getByRole('button', { name: text.accept.submit }));
    expect(await screen.findByText('Lighthouse')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    expect(api.requestsTo('post', '/api/externals/accept')[0]?.json).toEqual({
      token: TOKEN,
      password: 'werft-sued-2026!',
    });
  });

  it('accepts without a password, and says so when the link was used already', async () => {
    const user = userEvent.setup();
    const api = server().on('post', '/api/externals/accept', apiError(410, 'link_gone', 'used already'));
    renderApp(api, `/externals/accept?token=${TOKEN}`);
    await user.click(await screen.findByRole('button', { name: text.accept.passwordless }));
    expect(await screen.findByText(uiStrings.errors.linkGone)).toBeTruthy();
    expect(api.requestsTo('post', '/api/externals/accept')[0]?.json).toEqual({ token: TOKEN });
  });
});

describe('the sign-in link page', () => {
  it('signs in only when asked (mail scanners open links), and offers a new link when it expired', async () => {
    const user = userEvent.setup();
    const api = server()
      .on('post', '/api/externals/sign-in', apiError(410, 'link_gone', 'expired'))
      .on('post', '/api/externals/sign-in-link', noContent());
    renderApp(api, `/externals/sign-in?token=${TOKEN}`);
    const button = await screen.findByRole('button', { name: text.signIn.submit });
    expect(api.requestsTo('post', '/api/externals/sign-in')).toHaveLength(0);
    await user.click(button);
    expect(await screen.findByText(uiStrings.errors.linkGone)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: text.newLink }));
    await user.type(
      await screen.findByRole('textbox', { name: new RegExp(`^${uiStrings.signInLink.email}`) }),
      'tara@werft.example',
    );
    await user.click(screen.getByRole('button', { name: uiStrings.signInLink.submit }));
    expect(await screen.findByText(uiStrings.signInLink.sent('tara@werft.example'))).toBeTruthy();
    expect(api.requestsTo('post', '/api/externals/sign-in-link')[0]?.json).toEqual({ email: 'tara@werft.example' });
  });
});
