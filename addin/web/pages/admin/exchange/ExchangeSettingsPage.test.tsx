/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExchangeSettings } from '../../../../../shared/schemas/exchange';
import { apiError, ok, type FakeApi, type RecordedRequest } from '../../../../ui/testing/fakeApi';
import { renderApp } from '../../../testing/renderApp';
import { adminStrings } from '../strings';
import { adminServer, buildSettings } from '../testSupport';

const text = adminStrings.exchange;
const PAGE = '/admin/exchange';

/** Saves answer what was sent, as the server does, without any password. */
function server(stored: ExchangeSettings): FakeApi {
  return adminServer()
    .on('get', '/api/admin/exchange', ok(stored))
    .on('put', '/api/admin/exchange', (req: RecordedRequest) => {
      const body = req.json as Record<string, unknown>;
      return ok({
        ...stored,
        ...body,
        password: undefined,
        configured: true,
        passwordSet: stored.passwordSet || typeof body.password === 'string',
        updatedAt: '2026-11-23T09:00:00.000Z',
      });
    });
}

const input = (label: string) => screen.getByLabelText(label, { exact: false, selector: 'input' });

describe('Exchange settings page', () => {
  it('keeps the stored password when the field is left empty: the body carries no password', async () => {
    const user = userEvent.setup();
    const api = server(buildSettings({ passwordSet: true }));
    renderApp(api, PAGE);

    expect(await screen.findByText(text.passwordStored)).toBeTruthy();
    const password = input(text.password) as HTMLInputElement;
    expect(password.value).toBe('');
    expect(password.type).toBe('password');

    await user.clear(input(text.username));
    await user.type(input(text.username), 'NORTHWIND\\svc-rooms2');
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));

    expect(await screen.findByText(text.saved)).toBeTruthy();
    const [put] = api.requestsTo('put', '/api/admin/exchange');
    expect(put?.json).toEqual({
      ewsUrl: 'https://mail.northwind.test/EWS/Exchange.asmx',
      username: 'NORTHWIND\\svc-rooms2',
      authMethod: 'ntlm',
      caBundlePem: null,
      skipTlsVerification: false,
    });
  });

  it('sends a new password once and clears the field after saving', async () => {
    const user = userEvent.setup();
    const api = server(buildSettings({ passwordSet: true }));
    renderApp(api, PAGE);

    await user.type(await screen.findByLabelText(text.password, { exact: false, selector: 'input' }), 'n3w-Secret!');
    await user.click(screen.getByRole('radio', { name: text.authBasic }));
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));

    expect(await screen.findByText(text.saved)).toBeTruthy();
    expect(api.requestsTo('put', '/api/admin/exchange')[0]?.json).toMatchObject({
      password: 'n3w-Secret!',
      authMethod: 'basic',
    });
    expect((input(text.password) as HTMLInputElement).value).toBe('');
  });

  it('asks for the password the first time without calling the server', async () => {
    const user = userEvent.setup();
    const api = server(
      buildSettings({ configured: false, ewsUrl: null, username: null, passwordSet: false, updatedAt: null }),
    );
    renderApp(api, PAGE);

    expect(await screen.findByText(text.notConfigured)).toBeTruthy();
    await user.type(input(text.ewsUrl), 'https://mail.northwind.test/EWS/Exchange.asmx');
    await user.type(input(text.username), 'svc-roomserve@northwind.test');
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));

    expect(await screen.findByText(text.passwordRequired)).toBeTruthy();
    expect(api.requestsTo('put', '/api/admin/exchange')).toHaveLength(0);
  });

  it('asks for the password again when the authentication method changes, without calling the server', async () => {
    const user = userEvent.setup();
    const api = server(buildSettings({ passwordSet: true, authMethod: 'ntlm' }));
    renderApp(api, PAGE);

    expect(await screen.findByText(text.passwordStored)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: text.authBasic }));
    expect(screen.getByText(text.passwordAgainMethod)).toBeTruthy();
    expect((input(text.password) as HTMLInputElement).required).toBe(true);
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));
    expect(await screen.findAllByText(text.passwordAgainMethod)).not.toHaveLength(0);
    expect(api.requestsTo('put', '/api/admin/exchange')).toHaveLength(0);

    await user.click(screen.getByRole('radio', { name: text.authNtlm }));
    expect(screen.getByText(text.passwordStored)).toBeTruthy();
  });

  it('asks for the password again when the EWS URL names another server', async () => {
    const user = userEvent.setup();
    const api = server(buildSettings({ passwordSet: true }));
    renderApp(api, PAGE);

    await user.clear(await screen.findByLabelText(text.ewsUrl, { exact: false, selector: 'input' }));
    await user.type(input(text.ewsUrl), 'http://127.0.0.1:4444/EWS/Exchange.asmx');
    expect(screen.getByText(text.passwordAgainServer)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));
    expect(api.requestsTo('put', '/api/admin/exchange')).toHaveLength(0);
  });

  it('shows the API validation errors next to their fields', async () => {
    const user = userEvent.setup();
    const api = server(buildSettings()).on(
      'put',
      '/api/admin/exchange',
      apiError(400, 'validation_failed', 'Invalid request body', {
        issues: [
          { path: 'ewsUrl', message: 'Invalid URL' },
          { path: 'caBundlePem', message: 'must be PEM certificates (-----BEGIN CERTIFICATE-----)' },
        ],
      }),
    );
    renderApp(api, PAGE);

    await user.clear(await screen.findByLabelText(text.ewsUrl, { exact: false, selector: 'input' }));
    await user.type(input(text.ewsUrl), 'mail.northwind');
    await user.type(screen.getByLabelText(text.caBundle, { exact: false, selector: 'textarea' }), 'not a cert');
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));

    expect(await screen.findByText('Invalid URL')).toBeTruthy();
    expect(screen.getByText('must be PEM certificates (-----BEGIN CERTIFICATE-----)')).toBeTruthy();
    expect(input(text.ewsUrl).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(text.fieldsInvalid)).toBeTruthy();
    expect(screen.queryByText(text.saved)).toBeNull();
  });

  it('warns about skipping TLS verification and sends the switch', async () => {
    const user = userEvent.setup();
    const api = server(buildSettings());
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('switch', { name: text.skipTls }));
    expect(screen.getByText(text.skipTlsWarning)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: adminStrings.common.save }));

    await waitFor(() =>
      expect(api.requestsTo('put', '/api/admin/exchange')[0]?.json).toMatchObject({ skipTlsVerification: true }),
    );
  });

  it('shows in words what the connection test found', async () => {
    const user = userEvent.setup();
    const api = server(buildSettings()).on(
      'post',
      '/api/admin/exchange/test',
      ok({
        ok: false,
        failure: 'tls',
        message: 'The certificate of mail.northwind.test is not trusted (self-signed certificate in chain).',
        roomMailboxes: null,
        checkedMailbox: null,
      }),
    );
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('button', { name: text.test }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(text.failure.tls);
    expect(alert.textContent).toContain('self-signed certificate in chain');
    expect(api.requestsTo('post', '/api/admin/exchange/test')[0]?.json).toEqual({});
  });

  it('tries the mailbox the admin names and says when it works', async () => {
    const user = userEvent.setup();
    const api = server(buildSettings()).on('post', '/api/admin/exchange/test', (req) =>
      ok({
        ok: true,
        failure: null,
        message: `Connected: 4 room mailboxes in the room lists; impersonating ${(req.json as { mailbox: string }).mailbox} works.`,
        roomMailboxes: 4,
        checkedMailbox: (req.json as { mailbox: string }).mailbox,
      }),
    );
    renderApp(api, PAGE);

    await user.type(
      await screen.findByLabelText(text.testMailbox, { exact: false, selector: 'input' }),
      'harbour@northwind.test',
    );
    await user.click(screen.getByRole('button', { name: text.test }));

    expect(
      await screen.findByText(
        'Connected: 4 room mailboxes in the room lists; impersonating harbour@northwind.test works.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(text.testOk)).toBeTruthy();
  });
});
