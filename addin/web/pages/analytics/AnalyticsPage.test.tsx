/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AnalyticsFigures, AnalyticsOverview, AnalyticsRoomFigures } from '../../../../shared/schemas/analytics';
import { buildBuilding, buildUser, uuid } from '../../../ui/testing/builders';
import { FakeApi, ok } from '../../../ui/testing/fakeApi';
import { renderApp, signedInAs } from '../../testing/renderApp';

// The Fluent charts are ES modules that jest's CommonJS cannot load; the charts chunk stands in
// with what each chart was given, and the tables under them carry the figures.
jest.mock('./charts', () => ({
  TrendChart: ({ trend }: { trend: unknown[] }) => <figure aria-label="trend chart">{trend.length} weeks</figure>,
  LeadTimeChart: () => <figure aria-label="lead time chart" />,
  PeakHoursChart: ({ cells }: { cells: unknown[] }) => (
    <figure aria-label="peak hours chart">{cells.length} cells</figure>
  ),
}));

const harbour = buildBuilding({ name: 'Harbour House' });
const URL_JUNE = '/analytics?from=2026-06-01&to=2026-06-07';

const figures: AnalyticsFigures = {
  openHours: 100,
  bookedHours: 42,
  bookedUtilisation: 0.42,
  checkedInUtilisation: 0.17,
  noShowRate: 0.31,
  releasedHours: 6.5,
  bookings: 57,
  averageMinutes: 50,
  medianMinutes: 45,
  recurringShare: 0.4,
  underHalfCapacityShare: 0.8,
  overCapacityShare: 0,
};
const lighthouse: AnalyticsRoomFigures = {
  ...figures,
  roomId: uuid(),
  roomName: 'Lighthouse',
  capacity: 12,
  floorId: uuid(),
  floorName: 'Floor 3',
  buildingId: harbour.id,
  buildingName: 'Harbour House',
};
const overview: AnalyticsOverview = {
  overall: figures,
  buildings: [],
  floors: [],
  leadTime: {
    buckets: [{ key: 'under-1h', label: 'under 1 hour', bookings: 57, share: 1 }],
    medianHours: 0.5,
  },
  trend: [{ weekStart: '2026-06-01', bookedUtilisation: 0.42, checkedInUtilisation: 0.17, bookings: 57 }],
  busiest: [{ roomId: lighthouse.roomId, roomName: 'Lighthouse', bookedUtilisation: 0.42 }],
  leastUsed: [{ roomId: lighthouse.roomId, roomName: 'Lighthouse', bookedUtilisation: 0.42 }],
  catering: {
    orders: 3,
    cancelled: 1,
    cancelledByEvent: 1,
    flagged: 0,
    spendByProvider: [{ key: 'p', name: 'Canteen', currency: 'EUR', orders: 1, totalMinor: 12345 }],
    spendByBuilding: [],
  },
};
const cells = [{ weekday: 1, hour: 10, openMinutes: 60, bookedMinutes: 54, bookedShare: 0.9 }];

const settings = {
  minBookings: 5,
  underHalfCapacityShare: 0.7,
  overCapacityShare: 0.1,
  peakBookedShare: 0.85,
  noShowRate: 0.2,
  lowUtilisation: 0.15,
  ghostGap: 0.3,
  anonymiseAfterDays: 90,
  worksCouncil: false,
};

function server(role: 'analyst' | 'employee' | 'admin' = 'analyst'): FakeApi {
  return signedInAs(new FakeApi(), buildUser({ role, name: 'Ann Analyst' }))
    .on('get', '/api/info', ok({ simulatedExchange: false, demo: false }))
    .on('get', '/api/analytics/settings', ok(settings))
    .on('get', '/api/buildings', ok([harbour]))
    .on('get', '/api/analytics/overview', ok(overview))
    .on('get', '/api/analytics/rooms', ok({ items: [lighthouse] }))
    .on('get', '/api/analytics/heatmap', ok({ cells }))
    .on(
      'get',
      '/api/analytics/recommendations',
      ok({
        items: [
          {
            kind: 'too-big',
            subject: { kind: 'room', id: lighthouse.roomId, name: 'Lighthouse' },
            text: 'Lighthouse (12 seats) hosts 5 people or fewer in 80% of its meetings.',
            figure: 0.8,
            figureName: 'underHalfCapacityShare',
          },
        ],
      }),
    );
}

describe('the analytics page', () => {
  it('shows booked and checked-in use side by side, the recommendations and a table under each chart', async () => {
    renderApp(server(), URL_JUNE);
    expect(await screen.findByLabelText('Booked: 42%')).toBeTruthy();
    expect(screen.getByLabelText('Checked in: 17%')).toBeTruthy();
    expect(screen.getByLabelText('No-shows: 31%')).toBeTruthy();
    expect(screen.getByText(/hosts 5 people or fewer in 80% of its meetings/)).toBeTruthy();
    const rooms = screen.getByRole('table', { name: 'Rooms' });
    expect(within(rooms).getByRole('row', { name: /Lighthouse Harbour House Floor 3 12 42% 17% 31%/ })).toBeTruthy();
    const peak = screen.getByRole('table', { name: /Peak hours/ });
    expect(within(peak).getByRole('row', { name: 'Tue 90%' })).toBeTruthy();
    expect(
      within(screen.getByRole('table', { name: 'Week by week' })).getByRole('row', { name: /2026-06-01 42% 17% 57/ }),
    ).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Catering' })).getByText('Spend with Canteen')).toBeTruthy();
    expect((await screen.findByRole('figure', { name: 'trend chart' })).textContent).toBe('1 weeks');
    expect(screen.getByRole('figure', { name: 'peak hours chart' }).textContent).toBe('1 cells');
  });

  it('exports what the filters show, as CSV and XLSX', async () => {
    renderApp(server(), `${URL_JUNE}&buildingId=${harbour.id}`);
    const csv = await screen.findByRole('link', { name: 'Export rooms (CSV)' });
    expect(csv.getAttribute('href')).toBe(
      `/api/analytics/export.csv?from=2026-06-01&to=2026-06-07&buildingId=${harbour.id}`,
    );
    expect(screen.getByRole('link', { name: 'Export every view (XLSX)' }).getAttribute('href')).toBe(
      `/api/analytics/export.xlsx?from=2026-06-01&to=2026-06-07&buildingId=${harbour.id}`,
    );
  });

  it('asks again for the building chosen, and refuses a backwards range before asking', async () => {
    const api = server();
    renderApp(api, URL_JUNE);
    await screen.findByLabelText('Booked: 42%');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Building' }), 'Harbour House');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(api.requestsTo('get', '/api/analytics/rooms').some((r) => r.query.get('buildingId') === harbour.id)).toBe(
        true,
      ),
    );
    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2026-07-01');
    expect(screen.getByText(/must not be after/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Show' }).disabled).toBe(true);
  });

  it('is not there for an employee, and asks nothing', async () => {
    const api = server('employee');
    renderApp(api, URL_JUNE);
    expect(await screen.findByRole('heading', { name: /not found/i })).toBeTruthy();
    expect(api.requestsTo('get', '/api/analytics/rooms')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Analytics' })).toBeNull();
  });

  it('lets an admin set the anonymisation age and the works-council switch, and shows them to an analyst', async () => {
    const api = server('admin').on('put', '/api/analytics/settings', (r) => ok(r.json));
    renderApp(api, URL_JUNE);
    const days = await screen.findByRole('spinbutton', { name: 'Anonymise bookings after (days)' });
    expect((days as HTMLInputElement).value).toBe('90');
    const user = userEvent.setup();
    await user.clear(days);
    await user.type(days, '0');
    expect(screen.getByText('A whole number of days from 1 to 3650.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save privacy settings' }).disabled).toBe(true);
    await user.clear(days);
    await user.type(days, '30');
    await user.click(screen.getByRole('switch', { name: 'Works council: no per-person figures' }));
    await user.click(screen.getByRole('button', { name: 'Save privacy settings' }));
    expect(await screen.findByText('Privacy settings saved.')).toBeTruthy();
    expect(api.requestsTo('put', '/api/analytics/settings').map((r) => r.json)).toEqual([
      { ...settings, anonymiseAfterDays: 30, worksCouncil: true },
    ]);
  });

  it('shows an analyst the privacy settings without letting them change them', async () => {
    renderApp(server('analyst'), URL_JUNE);
    const days = await screen.findByRole('spinbutton', { name: 'Anonymise bookings after (days)' });
    expect((days as HTMLInputElement).disabled).toBe(true);
    expect(
      screen.getByRole<HTMLInputElement>('switch', { name: 'Works council: no per-person figures' }).disabled,
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save privacy settings' })).toBeNull();
    expect(screen.getByText('Only admins change these.')).toBeTruthy();
  });
});
