/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EventView } from '../../../../shared/schemas/events';
import { buildUser } from '../../../ui/testing/builders';
import { FakeApi, apiError, noContent, ok } from '../../../ui/testing/fakeApi';
import { dateText, localDate } from '../../../ui/time';
import { renderApp, signedInAs } from '../../testing/renderApp';
import { eventStrings } from './strings';

const s = eventStrings.edit;
const ID = '00000000-0000-4000-8000-000000000777';
const ELBE = '00000000-0000-4000-8000-000000000101';
const ALSTER = '00000000-0000-4000-8000-000000000102';
const DAY_MS = 86_400_000;
/** Three weeks from a week ahead: all still to come. */
const days = [7, 14, 21].map((d) => dateText(new Date(Date.now() + d * DAY_MS)));
const at = (day: number, time: string): string => localDate(days[day] ?? '', time).toISOString();

const series: EventView = {
  id: ID,
  roomId: ELBE,
  roomName: 'Elbe',
  timeZone: 'Europe/Berlin',
  start: at(0, '09:00'),
  end: at(0, '10:00'),
  title: 'Weekly sync',
  description: '',
  descriptionIsHtml: false,
  onlineMeetingUrl: null,
  private: false,
  status: 'confirmed',
  declinedReason: null,
  organizerEmail: 'emma.schmidt@northwind.test',
  attendees: [],
  recurrence: { pattern: 'weekly', interval: 1, daysOfWeek: ['monday'], count: 3 },
  occurrences: [0, 1, 2].map((d) => ({ start: at(d, '09:00'), end: at(d, '10:00') })),
};

function server() {
  return signedInAs(new FakeApi(), buildUser()).on('get', '/api/events/:id', ok(series));
}

async function editor() {
  return screen.findByRole('region', { name: s.title });
}

describe('changing an event from its view', () => {
  it('changes one occurrence of a series: scope=occurrence, named by where the series placed it', async () => {
    const user = userEvent.setup();
    const api = server().on('patch', '/api/events/:id', ok({ ...series, title: 'Moved', ...series.occurrences[1] }));
    renderApp(api, `/events/${ID}`);
    const region = await editor();
    await user.click(within(region).getByRole('radio', { name: s.thisOccurrence }));
    await user.selectOptions(within(region).getByRole('combobox', { name: s.occurrence }), at(1, '09:00'));
    const title = within(region).getByRole('textbox', { name: s.name });
    await user.clear(title);
    await user.type(title, 'Moved');
    await user.click(within(region).getByRole('button', { name: s.save }));

    await waitFor(() => expect(api.requestsTo('patch', `/api/events/${ID}`)).toHaveLength(1));
    const sent = api.requestsTo('patch', `/api/events/${ID}`)[0];
    expect(sent?.query.get('scope')).toBe('occurrence');
    expect(sent?.query.get('occurrence')).toBe(at(1, '09:00'));
    expect(sent?.json).toEqual({ title: 'Moved' });
    expect(await within(region).findByText(/^The occurrence changed: Elbe/)).toBeTruthy();
  });

  it('moves the whole series, and reports a decline with the earlier time kept', async () => {
    const user = userEvent.setup();
    const declined = 'The room declined the change; the event keeps its earlier time and room.';
    const api = server().on('patch', '/api/events/:id', apiError(409, 'conflict', declined, { outcome: 'declined' }));
    renderApp(api, `/events/${ID}`);
    const region = await editor();
    expect(within(region).getByRole('radio', { name: s.wholeSeries })).toHaveProperty('checked', true);
    const start = within(region).getByLabelText('From', { exact: false, selector: 'input' });
    const end = within(region).getByLabelText('To', { exact: false, selector: 'input' });
    await user.clear(end);
    await user.type(end, '11:00');
    await user.clear(start);
    await user.type(start, '10:00');
    await user.click(within(region).getByRole('button', { name: s.save }));

    await waitFor(() => expect(api.requestsTo('patch', `/api/events/${ID}`)).toHaveLength(1));
    const sent = api.requestsTo('patch', `/api/events/${ID}`)[0];
    expect(sent?.query.get('scope')).toBe('series');
    expect(sent?.json).toEqual({ start: expect.any(String), end: expect.any(String) });
    const body = sent?.json as { start: string; end: string };
    expect(Date.parse(body.start)).toBe(Date.parse(at(0, '10:00')));
    expect(await within(region).findByText(declined)).toBeTruthy();
  });

  it('offers the alternatives of a taken time, and one click moves the occurrence there', async () => {
    const user = userEvent.setup();
    const alternative = {
      kind: 'other-room',
      roomId: ALSTER,
      roomName: 'Alster',
      start: at(1, '12:00'),
      end: at(1, '13:00'),
    };
    let calls = 0;
    const api = server().on('patch', '/api/events/:id', () =>
      ++calls === 1
        ? apiError(409, 'conflict', 'The room is already booked on one occurrence.', {
            conflicts: [{ start: at(1, '12:00'), end: at(1, '13:00') }],
            alternatives: [alternative],
          })
        : ok({ ...series, roomId: ALSTER, roomName: 'Alster', start: alternative.start, end: alternative.end }),
    );
    renderApp(api, `/events/${ID}`);
    const region = await editor();
    await user.click(within(region).getByRole('radio', { name: s.thisOccurrence }));
    await user.selectOptions(within(region).getByRole('combobox', { name: s.occurrence }), at(1, '09:00'));
    const start = within(region).getByLabelText('From', { exact: false, selector: 'input' });
    const end = within(region).getByLabelText('To', { exact: false, selector: 'input' });
    await user.clear(end);
    await user.type(end, '13:00');
    await user.clear(start);
    await user.type(start, '12:00');
    await user.click(within(region).getByRole('button', { name: s.save }));
    const choice = await within(region).findByRole('button', { name: /Alster/ });
    await user.click(choice);

    await waitFor(() => expect(api.requestsTo('patch', `/api/events/${ID}`)).toHaveLength(2));
    const second = api.requestsTo('patch', `/api/events/${ID}`)[1];
    expect(second?.query.get('scope')).toBe('occurrence');
    expect(second?.json).toEqual({ start: alternative.start, end: alternative.end, roomId: ALSTER });
    expect(await within(region).findByText(/^The occurrence changed: Alster/)).toBeTruthy();
  });

  it('cancels one occurrence alone', async () => {
    const user = userEvent.setup();
    const api = server().on('delete', '/api/events/:id', noContent());
    renderApp(api, `/events/${ID}`);
    const region = await editor();
    await user.click(within(region).getByRole('radio', { name: s.thisOccurrence }));
    await user.selectOptions(within(region).getByRole('combobox', { name: s.occurrence }), at(2, '09:00'));
    await user.click(within(region).getByRole('button', { name: s.cancelOccurrence }));
    // Nothing is cancelled until the question is answered; "Keep it" keeps it.
    const ask = () => within(region).getByRole('alertdialog', { name: s.confirmCancel(s.what.occurrence) });
    await user.click(within(ask()).getByRole('button', { name: s.confirmCancelNo }));
    expect(within(region).queryByRole('alertdialog')).toBeNull();
    await user.click(within(region).getByRole('button', { name: s.cancelOccurrence }));
    expect(api.requestsTo('delete', `/api/events/${ID}`)).toHaveLength(0);
    await user.click(within(ask()).getByRole('button', { name: s.confirmCancelYes }));
    await waitFor(() => expect(api.requestsTo('delete', `/api/events/${ID}`)).toHaveLength(1));
    const sent = api.requestsTo('delete', `/api/events/${ID}`)[0];
    expect(sent?.query.get('scope')).toBe('occurrence');
    expect(sent?.query.get('occurrence')).toBe(at(2, '09:00'));
    expect(await within(region).findByText(s.cancelled(s.what.occurrence))).toBeTruthy();
  });
});
