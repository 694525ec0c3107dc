import { render, type RenderResult } from '@testing-library/react';
import { ApiClient } from '../../api/client';
import { FakeOfficeHost, type FakeOfficeHostOptions } from '../../office/fakeOfficeHost';
import type { FakeApi } from '../../ui/testing/fakeApi';
import { TaskpaneApp, type PaneMode } from '../TaskpaneApp';

export const IDENTITY_TOKEN = 'identity-token-from-exchange';

/**
 * The pane as main.tsx builds it inside Outlook: a fake Outlook item, and the API client sending
 * the identity token as a bearer token to a fake server.
 */
export function renderTaskpane(
  api: FakeApi,
  options: FakeOfficeHostOptions & { mode?: PaneMode } = {},
): RenderResult & { host: FakeOfficeHost } {
  const host = new FakeOfficeHost({ identityToken: () => Promise.resolve(IDENTITY_TOKEN), ...options });
  const client = new ApiClient({ transport: api.transport, bearerToken: () => host.identityToken() });
  const result = render(<TaskpaneApp host={host} client={client} preview={false} mode={options.mode ?? 'organizer'} />);
  return { ...result, host };
}
