import { render, type RenderResult } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { ApiClient } from '../../api/client';
import { App, appRoutes } from '../App';
import type { User } from '../../../shared/schemas/auth';
import { apiError, ok, type FakeApi } from '../../ui/testing/fakeApi';

export const CSRF_TOKEN = 'csrf-token-from-sign-in';

/** The server's answer to GET /api/auth/me: who is signed in, or 401. */
export function signedInAs(api: FakeApi, user: User): FakeApi {
  return api.on('get', '/api/auth/me', ok({ user, csrfToken: CSRF_TOKEN, mustChangePassword: false }));
}

export function signedOut(api: FakeApi): FakeApi {
  return api.on('get', '/api/auth/me', apiError(401, 'unauthenticated', 'Sign in first'));
}

/** The whole web app, as main.tsx builds it, over a fake server and an in-memory URL. */
export function renderApp(api: FakeApi, url = '/'): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  const router = createMemoryRouter(appRoutes, { initialEntries: [url] });
  const client = new ApiClient({ transport: api.transport });
  return { ...render(<App client={client} router={router} />), router };
}
