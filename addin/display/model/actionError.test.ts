import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../api/client';
import { displayStrings } from '../strings';
import { at, ROOM_ZONE } from '../testing/builders';
import { actionProblem } from './actionError';

describe('a refused action in words', () => {
  it('gives the 409’s words, the next free time in the room’s zone and the rooms nearby', () => {
    const error = new ApiError('conflict', 'The room is booked from 10:00.', 409, {
      nextFreeAt: at('11:00'),
      nearestFree: [{ name: 'Alster', floorName: 'Floor 2' }],
    });
    expect(actionProblem(error, ROOM_ZONE)).toEqual({
      message: 'The room is booked from 10:00. Free again at 11:00.',
      nearby: [{ name: 'Alster', where: 'Floor 2' }],
      askPin: false,
    });
  });

  it.each([
    [new ApiError('network_error', 'x', 0), displayStrings.errors.unreachable, false],
    [new ApiError('unavailable', 'x', 503), displayStrings.errors.unavailable, false],
    [new ApiError('rate_limited', 'x', 429), displayStrings.pin.tooMany, false],
    [new ApiError('forbidden', 'x', 403), displayStrings.pin.required, true],
  ])('%#: says %j', (error, message, askPin) => {
    expect(actionProblem(error, ROOM_ZONE)).toMatchObject({ message, askPin });
  });
});
