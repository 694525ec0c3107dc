import { idParamsSchema } from '../schemas/common';
import { integrationOverviewSchema, serverInfoSchema, syncRequestSchema, syncRunSchema } from '../schemas/integration';
import { endpoint } from './endpoint';

/** The state of the Exchange sync, manual syncs, and what every page needs to know about the server. */
export const integrationEndpoints = {
  integrationOverview: endpoint({
    method: 'get',
    path: '/admin/integration/overview',
    summary:
      'Per room with an Exchange email: verification, subscription state, last successful and next scheduled sync, ' +
      'live bookings in the sync horizon, and the last error in words with its time; plus totals.',
    tag: 'Integration',
    access: 'admin',
    response: integrationOverviewSchema,
  }),
  startSync: endpoint({
    method: 'post',
    path: '/admin/sync',
    summary: 'Sync one room now, or every connected room. Answers at once; poll GET /admin/sync/:id for progress.',
    tag: 'Integration',
    access: 'admin',
    body: syncRequestSchema,
    response: syncRunSchema,
    successStatus: 201,
  }),
  syncRun: endpoint({
    method: 'get',
    path: '/admin/sync/:id',
    summary: 'Progress of a manual sync: each room queued, running, done or failed (with the reason).',
    tag: 'Integration',
    access: 'admin',
    params: idParamsSchema,
    response: syncRunSchema,
  }),
  serverInfo: endpoint({
    method: 'get',
    path: '/info',
    summary: 'What every page shows about this server: whether a simulated Exchange is in use, and demo mode.',
    tag: 'Integration',
    access: 'public',
    response: serverInfoSchema,
  }),
};
