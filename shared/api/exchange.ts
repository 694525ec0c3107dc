import { z } from 'zod';
import {
  exchangeSettingsInputSchema,
  exchangeSettingsSchema,
  exchangeTestInputSchema,
  exchangeTestResultSchema,
  importRoomsInputSchema,
  importRoomsResultSchema,
  roomMailboxSchema,
} from '../schemas/exchange';
import { endpoint } from './endpoint';

const TAG = 'Exchange';

export const exchangeEndpoints = {
  getExchangeSettings: endpoint({
    method: 'get',
    path: '/admin/exchange',
    tag: TAG,
    summary: 'The Exchange connection; the password is never returned (passwordSet says whether one is stored)',
    access: 'admin',
    response: exchangeSettingsSchema,
  }),
  saveExchangeSettings: endpoint({
    method: 'put',
    path: '/admin/exchange',
    tag: TAG,
    summary: 'Save the Exchange connection; the password is write-only and kept when omitted',
    access: 'admin',
    body: exchangeSettingsInputSchema,
    response: exchangeSettingsSchema,
  }),
  testExchangeConnection: endpoint({
    method: 'post',
    path: '/admin/exchange/test',
    tag: TAG,
    summary: 'Try the saved connection; says in words what failed (DNS, TLS, 401, impersonation, EWS URL)',
    access: 'admin',
    body: exchangeTestInputSchema,
    response: exchangeTestResultSchema,
  }),
  listRoomMailboxes: endpoint({
    method: 'get',
    path: '/admin/exchange/room-mailboxes',
    tag: TAG,
    summary: "The room mailboxes of Exchange's room lists (GetRoomLists/GetRooms)",
    access: 'admin',
    response: z.array(roomMailboxSchema),
  }),
  importRooms: endpoint({
    method: 'post',
    path: '/admin/exchange/import-rooms',
    tag: TAG,
    summary: 'Create and connect one room per room mailbox on a floor; mailboxes already connected are skipped',
    access: 'admin',
    body: importRoomsInputSchema,
    response: importRoomsResultSchema,
    successStatus: 201,
  }),
};
