import { z } from 'zod';
import { idParamsSchema } from '../schemas/common';
import {
  itemInputSchema,
  itemListQuerySchema,
  itemPatchSchema,
  itemSchema,
  menuQuerySchema,
  menuSchema,
  providerInputSchema,
  providerPatchSchema,
  providerSchema,
  providerViewSchema,
  webhookAllowListSchema,
} from '../schemas/catalog';
import { endpoint } from './endpoint';
import { deleteQuerySchema } from './locations';

const TAG_PROVIDERS = 'Catering providers';
const TAG_ITEMS = 'Catering items';

/** Everyone signed in reads the catalog; the facility team and admins maintain it. */
export const catalogEndpoints = {
  listProviders: endpoint({
    method: 'get',
    path: '/catalog/providers',
    tag: TAG_PROVIDERS,
    summary: 'All catering and facility-service providers, by name',
    access: 'signed-in',
    response: z.array(providerViewSchema),
  }),
  getProvider: endpoint({
    method: 'get',
    path: '/catalog/providers/:id',
    tag: TAG_PROVIDERS,
    summary: 'One provider',
    access: 'signed-in',
    params: idParamsSchema,
    response: providerViewSchema,
  }),
  createProvider: endpoint({
    method: 'post',
    path: '/catalog/providers',
    tag: TAG_PROVIDERS,
    summary:
      'Create a provider; a webhook secret is generated when a webhook URL is given without one. ' +
      'The secret is never returned. Only admins may set a webhook; internal addresses must be on ' +
      'the webhook allow-list.',
    access: 'facility',
    body: providerInputSchema,
    response: providerSchema,
    successStatus: 201,
  }),
  updateProvider: endpoint({
    method: 'patch',
    path: '/catalog/providers/:id',
    tag: TAG_PROVIDERS,
    summary:
      'Change a provider; webhookUrl null also forgets the webhook secret. Only admins may change the ' +
      'webhook URL or secret',
    access: 'facility',
    params: idParamsSchema,
    body: providerPatchSchema,
    response: providerSchema,
  }),
  deleteProvider: endpoint({
    method: 'delete',
    path: '/catalog/providers/:id',
    tag: TAG_PROVIDERS,
    summary:
      'Delete a provider; 409 while it has items unless cascade=true. Orders keep their own copy of ' +
      'the items they were placed with; deactivate the provider to keep it out of the menu instead',
    access: 'facility',
    params: idParamsSchema,
    query: deleteQuerySchema,
    successStatus: 204,
  }),
  getWebhookAllowList: endpoint({
    method: 'get',
    path: '/catalog/webhook-allow-list',
    tag: TAG_PROVIDERS,
    summary: 'Internal addresses or networks (CIDR) that provider webhooks may reach',
    access: 'admin',
    response: webhookAllowListSchema,
  }),
  putWebhookAllowList: endpoint({
    method: 'put',
    path: '/catalog/webhook-allow-list',
    tag: TAG_PROVIDERS,
    summary: 'Replace the internal addresses or networks that provider webhooks may reach',
    access: 'admin',
    body: webhookAllowListSchema,
    response: webhookAllowListSchema,
  }),
  listItems: endpoint({
    method: 'get',
    path: '/catalog/items',
    tag: TAG_ITEMS,
    summary:
      'Catalog items by provider, category and name; buildingId keeps the items of providers serving ' +
      'that building, activeOnly=true the active items of active providers',
    access: 'signed-in',
    query: itemListQuerySchema,
    response: z.array(itemSchema),
  }),
  getItem: endpoint({
    method: 'get',
    path: '/catalog/items/:id',
    tag: TAG_ITEMS,
    summary: 'One catalog item',
    access: 'signed-in',
    params: idParamsSchema,
    response: itemSchema,
  }),
  createItem: endpoint({
    method: 'post',
    path: '/catalog/items',
    tag: TAG_ITEMS,
    summary: 'Create a catalog item; 422 when changeCutoffHours exceeds leadTimeHours',
    access: 'facility',
    body: itemInputSchema,
    response: itemSchema,
    successStatus: 201,
  }),
  updateItem: endpoint({
    method: 'patch',
    path: '/catalog/items/:id',
    tag: TAG_ITEMS,
    summary: 'Change a catalog item; imageFileId null removes the image',
    access: 'facility',
    params: idParamsSchema,
    body: itemPatchSchema,
    response: itemSchema,
  }),
  deleteItem: endpoint({
    method: 'delete',
    path: '/catalog/items/:id',
    tag: TAG_ITEMS,
    summary:
      'Delete a catalog item; orders keep their own copy of its name and price. Deactivating it keeps ' +
      'it out of the menu without deleting it',
    access: 'facility',
    params: idParamsSchema,
    successStatus: 204,
  }),
  menu: endpoint({
    method: 'get',
    path: '/catalog/menu',
    tag: TAG_ITEMS,
    summary:
      "What can be ordered for a room: active items of active providers serving the room's building, " +
      'grouped by provider and category',
    access: 'signed-in',
    query: menuQuerySchema,
    response: menuSchema,
  }),
};
