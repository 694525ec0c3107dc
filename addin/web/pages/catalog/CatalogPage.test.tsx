/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Item, Provider } from '../../../../shared/schemas/catalog';
import type { Role } from '../../../../shared/schemas/users';
import { buildBuilding, buildUser, uuid } from '../../../ui/testing/builders';
import { FakeApi, apiError, ok } from '../../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../../testing/renderApp';
import { catalogStrings as text } from './strings';

const harbour = buildBuilding({ name: 'Harbour House' });
const kitchen: Provider = {
  id: uuid(),
  name: 'Northwind Kitchen',
  kind: 'internal-kitchen',
  buildingIds: [harbour.id],
  contactEmail: 'kitchen@northwind.test',
  webhookUrl: null,
  webhookSecretSet: false,
  workingHours: { mon: [{ open: '07:00', close: '17:00' }] },
  active: true,
};
const croissant: Item = {
  id: uuid(),
  providerId: kitchen.id,
  name: 'Butter croissant',
  description: '',
  category: 'breakfast',
  priceMinor: 220,
  currency: 'EUR',
  unit: 'per-person',
  dietary: ['vegetarian'],
  allergens: ['gluten', 'milk'],
  imageFileId: null,
  imageUrl: null,
  leadTimeHours: 4,
  changeCutoffHours: 2,
  availability: null,
  active: true,
};

function server(role: Role = 'facility'): FakeApi {
  return signedInAs(new FakeApi(), buildUser({ role }))
    .on('get', '/api/info', ok({ simulatedExchange: false, demo: false }))
    .on('get', '/api/buildings', ok([harbour]))
    .on('get', '/api/catalog/providers', ok([kitchen]))
    .on('get', '/api/catalog/items', ok([croissant]));
}

const rowOf = (name: string): HTMLElement => {
  const row = screen.getByText(name, { selector: 'span' }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('the catalog page', () => {
  it('lists providers and items with prices, dietary labels and allergens', async () => {
    renderApp(server(), '/catalog');
    expect(await screen.findByRole('heading', { name: text.title })).toBeTruthy();
    const row = rowOf('Butter croissant');
    expect(
      within(row).getByText(
        `${new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(2.2)} per person`,
      ),
    ).toBeTruthy();
    expect(within(row).getByText('Vegetarian')).toBeTruthy();
    expect(within(row).getByText('Gluten')).toBeTruthy();
    expect(within(row).getByText('Milk')).toBeTruthy();
    expect(within(rowOf('Northwind Kitchen')).getByText('Harbour House')).toBeTruthy();
  });

  it('creates an item with the price in minor units', async () => {
    const user = userEvent.setup();
    const api = server().on('post', '/api/catalog/items', (req) =>
      ok({ ...croissant, id: uuid(), ...(req.json as object) }),
    );
    renderApp(api, '/catalog');
    await user.click(await screen.findByRole('button', { name: text.items.add }));
    // Fluent hides the dialog from assistive technology until its opening motion ends.
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(text.items.name, { exact: false }), 'Pretzel');
    await user.type(within(dialog).getByLabelText(text.items.price, { exact: false }), '1,85');
    await user.click(within(dialog).getByLabelText('Sesame'));
    await user.click(await within(dialog).findByRole('button', { name: text.save }, { timeout: 10_000 }));

    await waitFor(() => expect(api.requestsTo('post', '/api/catalog/items')).toHaveLength(1));
    expect(api.requestsTo('post', '/api/catalog/items')[0]?.json).toMatchObject({
      providerId: kitchen.id,
      name: 'Pretzel',
      priceMinor: 185,
      currency: 'EUR',
      allergens: ['sesame'],
      availability: null,
    });
  });

  it('uploads a picture for a new item and saves the item with it', async () => {
    const user = userEvent.setup();
    const fileId = uuid();
    const api = server()
      .on('post', '/api/files', () => ({
        status: 201,
        body: {
          id: fileId,
          url: `/api/files/${fileId}`,
          contentType: 'image/png',
          size: 68,
          width: 2,
          height: 2,
          sha256: 'a'.repeat(64),
        },
      }))
      .on('post', '/api/catalog/items', (req) => ok({ ...croissant, id: uuid(), ...(req.json as object) }));
    renderApp(api, '/catalog');
    await user.click(await screen.findByRole('button', { name: text.items.add }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(text.items.name, { exact: false }), 'Pretzel');
    await user.type(within(dialog).getByLabelText(text.items.price, { exact: false }), '1,85');
    const picture = new File([new Uint8Array([137, 80, 78, 71])], 'pretzel.png', { type: 'image/png' });
    await user.upload(within(dialog).getByLabelText(text.items.uploadImage, { exact: false }), picture);
    expect(await within(dialog).findByRole('img', { name: text.items.image('Pretzel') })).toBeTruthy();
    const [upload] = api.requestsTo('post', '/api/files');
    expect(upload?.body).toBeInstanceOf(FormData);
    expect(((upload?.body as FormData).get('file') as File).name).toBe('pretzel.png');
    await user.click(await within(dialog).findByRole('button', { name: text.save }, { timeout: 10_000 }));
    await waitFor(() => expect(api.requestsTo('post', '/api/catalog/items')).toHaveLength(1));
    expect(api.requestsTo('post', '/api/catalog/items')[0]?.json).toMatchObject({
      name: 'Pretzel',
      imageFileId: fileId,
    });
  });

  it("shows the server's complaint next to the field", async () => {
    const user = userEvent.setup();
    const api = server().on(
      'patch',
      '/api/catalog/items/:id',
      apiError(422, 'unprocessable', 'The change cut-off may not exceed the lead time', { field: 'changeCutoffHours' }),
    );
    renderApp(api, '/catalog');
    await user.click(await screen.findByRole('button', { name: text.items.editFor('Butter croissant') }));
    await user.click(
      await within(await screen.findByRole('dialog')).findByRole('button', { name: text.save }, { timeout: 10_000 }),
    );
    expect(await screen.findByText('The change cut-off may not exceed the lead time')).toBeTruthy();
  });

  it('deactivates a provider with one click', async () => {
    const user = userEvent.setup();
    const api = server().on('patch', '/api/catalog/providers/:id', ok({ ...kitchen, active: false }));
    renderApp(api, '/catalog');
    await user.click(await screen.findByRole('button', { name: text.providers.toggleFor('Northwind Kitchen', true) }));
    await waitFor(() =>
      expect(api.requestsTo('patch', `/api/catalog/providers/${kitchen.id}`)[0]?.json).toEqual({ active: false }),
    );
  });

  it('tells employees that the page is not for them', async () => {
    renderApp(server('employee'), '/catalog');
    expect(await screen.findByText(text.forbidden)).toBeTruthy();
  });
});
