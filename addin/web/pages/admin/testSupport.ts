/**
 * Builders and a fake server for the admin page tests (not shipped: only *.test.tsx import it).
 */
import type { ExchangeSettings } from '../../../../shared/schemas/exchange';
import type { IntegrationOverview, IntegrationRoom, SyncRunView } from '../../../../shared/schemas/integration';
import { buildUser, uuid } from '../../../ui/testing/builders';
import { FakeApi, ok } from '../../../ui/testing/fakeApi';
import { signedInAs } from '../../testing/renderApp';

export { buildLocationRoom as buildAdminRoom } from '../../../ui/testing/builders';
export { inTurn } from '../../../ui/testing/fakeApi';

/** A signed-in admin; the simulator banner stays away. */
export function adminServer(): FakeApi {
  return signedInAs(new FakeApi(), buildUser({ name: 'Ada Admin', role: 'admin', email: 'ada@northwind.test' })).on(
    'get',
    '/api/info',
    ok({ simulatedExchange: false, demo: false }),
  );
}

export function buildSettings(overrides: Partial<ExchangeSettings> = {}): ExchangeSettings {
  return {
    configured: true,
    ewsUrl: 'https://mail.northwind.test/EWS/Exchange.asmx',
    username: 'NORTHWIND\\svc-roomserve',
    authMethod: 'ntlm',
    caBundlePem: null,
    skipTlsVerification: false,
    passwordSet: true,
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function buildIntegrationRoom(overrides: Partial<IntegrationRoom> = {}): IntegrationRoom {
  return {
    roomId: uuid(),
    name: 'Lighthouse',
    email: 'lighthouse@northwind.test',
    active: true,
    verification: { state: 'verified', checkedAt: '2026-11-23T08:00:00.000Z', error: null },
    subscription: 'streaming',
    syncing: false,
    lastSuccessfulSyncAt: '2026-11-23T08:05:00.000Z',
    lastFullSyncAt: '2026-11-23T02:00:00.000Z',
    nextSyncAt: '2026-11-23T08:10:00.000Z',
    bookingsInHorizon: 12,
    detailsPending: 0,
    lastError: null,
    ...overrides,
  };
}

export function buildOverview(
  rooms: IntegrationRoom[],
  overrides: Partial<IntegrationOverview> = {},
): IntegrationOverview {
  return {
    exchangeConfigured: true,
    simulatedExchange: false,
    horizon: { start: '2026-10-24T00:00:00.000Z', end: '2027-11-23T00:00:00.000Z' },
    rooms,
    firstSync: {
      phase1: { done: rooms.filter((r) => r.lastSuccessfulSyncAt !== null).length, total: rooms.length },
      phase2: {
        done: rooms.filter((r) => r.lastSuccessfulSyncAt !== null && r.detailsPending === 0).length,
        total: rooms.length,
        bookingsPending: rooms.reduce((sum, r) => sum + r.detailsPending, 0),
      },
    },
    totals: {
      rooms: rooms.length,
      verified: rooms.filter((r) => r.verification.state === 'verified').length,
      failedVerification: rooms.filter((r) => r.verification.state === 'failed').length,
      streaming: rooms.filter((r) => r.subscription === 'streaming').length,
      pull: rooms.filter((r) => r.subscription === 'pull').length,
      syncedOnce: rooms.filter((r) => r.lastSuccessfulSyncAt !== null).length,
      withErrors: rooms.filter((r) => r.lastError !== null).length,
      bookingsInHorizon: rooms.reduce((sum, r) => sum + r.bookingsInHorizon, 0),
    },
    ...overrides,
  };
}

export function buildSyncRun(
  rooms: { roomId: string; name: string }[],
  progress: Partial<SyncRunView> & { states?: SyncRunView['rooms'][number]['state'][] } = {},
): SyncRunView {
  const { states = [], ...rest } = progress;
  const runRooms = rooms.map((room, i) => ({ ...room, state: states[i] ?? 'queued', error: null }));
  return {
    id: '00000000-0000-4000-8000-00000000aaaa',
    startedAt: '2026-11-23T08:00:00.000Z',
    finishedAt: null,
    total: rooms.length,
    completed: runRooms.filter((r) => r.state === 'done').length,
    failed: runRooms.filter((r) => r.state === 'failed').length,
    rooms: runRooms,
    ...rest,
  };
}
