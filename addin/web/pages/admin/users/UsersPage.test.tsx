/** @jest-environment jsdom */
import '../../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User } from '../../../../../shared/schemas/auth';
import { buildUser } from '../../../../ui/testing/builders';
import { apiError, ok, type FakeApi, type RecordedRequest } from '../../../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../../../testing/renderApp';
import { adminServer } from '../testSupport';
import { externalsStrings } from '../externals/strings';
import { usersStrings as text } from './strings';

const PAGE = '/admin/users';
const ada = buildUser({ name: 'Ada Admin', email: 'ada@northwind.test', role: 'admin' });
const eve = buildUser({ name: 'Eve Employee', email: 'eve@northwind.test', role: 'employee' });
const finn = buildUser({ name: 'Finn Facility', email: 'finn@northwind.test', role: 'facility' });
const gina = buildUser({ name: 'Gina Guest', email: 'gina@partner.example', role: 'external' });

/** Lists filter like the server does; a PATCH answers the user with the change applied. */
function server(users: User[]): FakeApi {
  return signedInAs(adminServer(), ada)
    .on('get', '/api/users', (req: RecordedRequest) => {
      const q = (req.query.get('q') ?? '').toLowerCase();
      const role = req.query.get('role');
      const items = users.filter(
        (u) => (u.name.toLowerCase().includes(q) || u.email.includes(q)) && (role === null || u.role === role),
      );
      return ok({ items, page: 1, pageSize: 25, total: items.length });
    })
    .on('patch', '/api/users/:id', (req: RecordedRequest, params) => {
      const found = users.find((u) => u.id === params.id);
      return found ? ok({ ...found, ...(req.json as Partial<User>) }) : apiError(404, 'not_found');
    });
}

/** See RoomsConnectionPage.test: jsdom's tabster hides the open modal from role queries. */
const IN_DIALOG = { hidden: true } as const;

const rowOf = async (name: string): Promise<HTMLElement> => {
  const list = await screen.findByRole('list', { name: text.listLabel });
  const row = within(list).getAllByText(name, { exact: false })[0]?.closest('li');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('Users page', () => {
  it('searches by name or email and filters by role', async () => {
    const user = userEvent.setup();
    const api = server([ada, eve, finn]);
    renderApp(api, PAGE);

    expect(await screen.findByText('Finn Facility')).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: text.search }), 'eve');
    await waitFor(() => expect(screen.queryByText('Finn Facility')).toBeNull());
    expect(screen.getByText('Eve Employee')).toBeTruthy();
    expect(api.requests.at(-1)?.query.get('q')).toBe('eve');

    await user.clear(screen.getByRole('searchbox', { name: text.search }));
    await user.selectOptions(screen.getByRole('combobox', { name: text.roleFilter }), 'facility');
    await waitFor(() => expect(screen.queryByText('Eve Employee')).toBeNull());
    expect(screen.getByText('Finn Facility')).toBeTruthy();
    expect(api.requests.at(-1)?.query.get('role')).toBe('facility');
  });

  it('changes a role and deactivates a user, saying so', async () => {
    const user = userEvent.setup();
    const api = server([ada, eve]);
    renderApp(api, PAGE);

    await user.selectOptions(await screen.findByRole('combobox', { name: text.roleOf('Eve Employee') }), 'facility');
    expect(await screen.findByText(text.roleSaved('Eve Employee', text.roles.facility))).toBeTruthy();
    expect(api.requestsTo('patch', `/api/users/${eve.id}`)[0]?.json).toEqual({ role: 'facility' });

    await user.click(screen.getByRole('button', { name: text.deactivateFor('Eve Employee') }));
    expect(await screen.findByText(text.deactivated('Eve Employee'))).toBeTruthy();
    expect(api.requestsTo('patch', `/api/users/${eve.id}`)[1]?.json).toEqual({ active: false });
    const row = await rowOf('Eve Employee');
    expect(within(row).getByText(text.inactive)).toBeTruthy();
    expect(within(row).getByRole('button', { name: text.reactivateFor('Eve Employee') })).toBeTruthy();
  });

  it('deactivates an external as Admin → Externals does: names the bookings it cancels, then cancels them', async () => {
    const user = userEvent.setup();
    const api = server([ada, gina])
      .on('get', '/api/admin/externals/:id/deactivation', () => ok({ futureBookings: 2 }))
      .on('post', '/api/admin/externals/:id/deactivate', () => ok({ cancelled: 2, failed: 0 }));
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('button', { name: text.deactivateFor('Gina Guest') }));
    expect(await screen.findByText(externalsStrings.deactivate.consequence(2))).toBeTruthy();
    await user.click(screen.getByRole('button', { ...IN_DIALOG, name: externalsStrings.deactivate.confirm(2) }));
    expect(await screen.findByText(externalsStrings.deactivate.done('Gina Guest', 2, 0))).toBeTruthy();
    expect(api.requestsTo('post', `/api/admin/externals/${gina.id}/deactivate`)).toHaveLength(1);
    expect(api.requestsTo('patch', `/api/users/${gina.id}`)).toHaveLength(0);
    expect(within(await rowOf('Gina Guest')).getByText(text.inactive)).toBeTruthy();
  });

  it('shows the server’s refusal next to the role it concerns', async () => {
    const user = userEvent.setup();
    const bea = buildUser({ name: 'Bea Admin', email: 'bea@northwind.test', role: 'admin' });
    const api = server([ada, bea]).on(
      'patch',
      '/api/users/:id',
      apiError(422, 'unprocessable', 'This is the last active admin; make another user an admin first', {
        field: 'role',
        reason: 'last-admin',
      }),
    );
    renderApp(api, PAGE);

    const select = await screen.findByRole('combobox', { name: text.roleOf('Bea Admin') });
    await user.selectOptions(select, 'employee');
    expect(await screen.findByText('This is the last active admin; make another user an admin first')).toBeTruthy();
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect((select as HTMLSelectElement).value).toBe('admin');
  });

  it('does not offer the admin to demote, deactivate or reset themselves', async () => {
    renderApp(server([ada, eve]), PAGE);
    const row = await rowOf('Ada Admin');
    expect(within(row).getByText(text.you)).toBeTruthy();
    expect(within(row).getByRole('combobox').hasAttribute('disabled')).toBe(true);
    expect(
      within(row)
        .getByRole('button', { name: text.deactivateFor('Ada Admin') })
        .hasAttribute('disabled'),
    ).toBe(true);
    expect(within(row).queryByRole('button', { name: text.resetPasswordFor('Ada Admin') })).toBeNull();
  });

  it('resets a password after asking, and shows the new one only until the dialog closes', async () => {
    const user = userEvent.setup();
    const api = server([ada, eve]).on(
      'post',
      '/api/users/:id/password-reset',
      ok({ temporaryPassword: 'Xq3-temporary-9zK' }),
    );
    renderApp(api, PAGE);

    await user.click(await screen.findByRole('button', { name: text.resetPasswordFor('Eve Employee') }));
    const dialog = await screen.findByRole('dialog', IN_DIALOG);
    expect(within(dialog).getByText(text.resetConfirm)).toBeTruthy();
    expect(api.requestsTo('post', `/api/users/${eve.id}/password-reset`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: text.resetPassword, ...IN_DIALOG }));

    const shown = await within(dialog).findByLabelText(text.newPassword, { selector: 'input' });
    expect((shown as HTMLInputElement).value).toBe('Xq3-temporary-9zK');
    expect(api.requestsTo('post', `/api/users/${eve.id}/password-reset`)).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: text.close, ...IN_DIALOG }));
    await waitFor(() => expect(screen.queryByRole('dialog', IN_DIALOG)).toBeNull());

    await user.click(screen.getByRole('button', { name: text.resetPasswordFor('Eve Employee'), ...IN_DIALOG }));
    const again = await screen.findByRole('dialog', IN_DIALOG);
    expect(within(again).getByText(text.resetConfirm)).toBeTruthy();
    expect(within(again).queryByDisplayValue('Xq3-temporary-9zK')).toBeNull();
  });
});
