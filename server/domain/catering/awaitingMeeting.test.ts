import { describe, expect, it } from '@jest/globals';
import { ORDER_STATUSES } from '../../../shared/schemas/orders';
import { decideAwaiting, NEVER_SENT_REASON, statusAllowedWhileAwaiting } from './awaitingMeeting';

const START = new Date('2026-05-04T08:00:00Z');
const order = { eventStart: START };

describe('decideAwaiting', () => {
  it.each([
    ['a day before the start', '2026-05-03T08:00:00Z'],
    ['a second before the start', '2026-05-04T07:59:59Z'],
  ])('keeps waiting %s without a booking, and looks again at the start', (_, now) => {
    expect(decideAwaiting(order, false, new Date(now))).toEqual({ kind: 'wait', checkAt: START });
  });

  it.each([
    ['at the start', '2026-05-04T08:00:00Z'],
    ['after the start', '2026-05-04T09:30:00Z'],
  ])('cancels %s when the meeting was never sent, with a reason that says so', (_, now) => {
    const decision = decideAwaiting(order, false, new Date(now));
    expect(decision).toEqual({ kind: 'expire', reason: NEVER_SENT_REASON });
    expect(NEVER_SENT_REASON).toMatch(/never|without having been sent/);
  });

  it.each([
    ['before the start', '2026-05-03T08:00:00Z'],
    ['after the start (a late sync still links it; the follow rules decide the rest)', '2026-05-04T08:30:00Z'],
  ])('attaches to the booking once there is one, %s', (_, now) => {
    expect(decideAwaiting(order, true, new Date(now))).toEqual({ kind: 'attach' });
  });
});

describe('statusAllowedWhileAwaiting', () => {
  it('lets the provider acknowledge, decline or cancel a waiting order but not prepare or deliver it', () => {
    const allowed = ORDER_STATUSES.filter(statusAllowedWhileAwaiting);
    expect(allowed).toEqual(['requested', 'accepted', 'declined', 'cancelled', 'cancelled-by-event']);
  });
});
