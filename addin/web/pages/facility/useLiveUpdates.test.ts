/** @jest-environment jsdom */
import '../../../ui/testing/jsdomGlobals';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import { FakeEventSource, installFakeEventSource } from './testSupport';
import { POLL_INTERVAL_MS, useLiveUpdates } from './useLiveUpdates';

let uninstall: () => void;
beforeEach(() => {
  jest.useFakeTimers();
  uninstall = installFakeEventSource();
});
afterEach(() => {
  uninstall();
  jest.useRealTimers();
});

describe('live board updates', () => {
  it('reports each order event while the stream is open, and does not poll', () => {
    const onChange = jest.fn();
    const { result } = renderHook(() => useLiveUpdates(onChange));
    expect(result.current).toBe('connecting');

    act(() => FakeEventSource.latest().open());
    act(() => FakeEventSource.latest().emit('order', { id: 'x', kind: 'changed' }));
    act(() => jest.advanceTimersByTime(3 * POLL_INTERVAL_MS));

    expect(result.current).toBe('live');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('polls every 10 s while the stream is down, and reloads once when it is back', () => {
    const onChange = jest.fn();
    const { result } = renderHook(() => useLiveUpdates(onChange));
    act(() => FakeEventSource.latest().open());

    act(() => FakeEventSource.latest().fail(true));
    expect(result.current).toBe('polling');
    act(() => jest.advanceTimersByTime(POLL_INTERVAL_MS - 1));
    expect(onChange).toHaveBeenCalledTimes(0);
    act(() => jest.advanceTimersByTime(1));
    expect(onChange).toHaveBeenCalledTimes(1);

    act(() => FakeEventSource.latest().open());
    expect(result.current).toBe('live');
    expect(onChange).toHaveBeenCalledTimes(2);
    act(() => jest.advanceTimersByTime(3 * POLL_INTERVAL_MS));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('keeps polling when the browser gives the stream up, and stops everything on unmount', () => {
    const onChange = jest.fn();
    const { result, unmount } = renderHook(() => useLiveUpdates(onChange));

    act(() => FakeEventSource.latest().fail(false));
    act(() => jest.advanceTimersByTime(2 * POLL_INTERVAL_MS));
    expect(result.current).toBe('polling');
    expect(onChange).toHaveBeenCalledTimes(2);

    unmount();
    act(() => jest.advanceTimersByTime(2 * POLL_INTERVAL_MS));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(FakeEventSource.latest().readyState).toBe(FakeEventSource.CLOSED);
  });

  it('polls from the start where the browser has no EventSource', () => {
    uninstall();
    const original = Object.getOwnPropertyDescriptor(globalThis, 'EventSource');
    Reflect.deleteProperty(globalThis, 'EventSource');
    try {
      const onChange = jest.fn();
      const { result } = renderHook(() => useLiveUpdates(onChange));
      expect(result.current).toBe('polling');
      act(() => jest.advanceTimersByTime(POLL_INTERVAL_MS));
      expect(onChange).toHaveBeenCalledTimes(1);
    } finally {
      if (original) Object.defineProperty(globalThis, 'EventSource', original);
      uninstall = installFakeEventSource();
    }
  });
});
