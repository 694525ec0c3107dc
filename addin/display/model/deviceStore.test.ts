/** @jest-environment jsdom */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { displayState, meeting } from '../testing/builders';
import { DeviceStore, tokenFromHash } from './deviceStore';

describe('what the tablet keeps', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the token and the last state across a reload, and forgets both after a 401', () => {
    const state = displayState('09:00', [meeting('09:00', '10:00')]);
    new DeviceStore(localStorage).saveToken('rs_dsp_abc');
    new DeviceStore(localStorage).saveState({ state, receivedAt: 42 });
    const again = new DeviceStore(localStorage);
    expect(again.token()).toBe('rs_dsp_abc');
    expect(again.cachedState()).toEqual({ state, receivedAt: 42 });
    again.forget();
    expect(again.token()).toBeNull();
    expect(again.cachedState()).toBeNull();
  });

  it('ignores a cached state it cannot read', () => {
    localStorage.setItem('roomserve.display.lastState', '{"state":{"now":1}}');
    expect(new DeviceStore(localStorage).cachedState()).toBeNull();
    localStorage.setItem('roomserve.display.lastState', 'not json');
    expect(new DeviceStore(localStorage).cachedState()).toBeNull();
  });

  it.each([
    ['#token=rs_dsp_xyz', 'rs_dsp_xyz'],
    ['#foo=1&token=rs_dsp_xyz', 'rs_dsp_xyz'],
    ['#token=', null],
    ['', null],
  ])('reads %j from the address as %j', (hash, token) => {
    expect(tokenFromHash(hash)).toBe(token);
  });
});
