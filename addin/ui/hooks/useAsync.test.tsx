/** @jest-environment jsdom */
import '../testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useAsync } from './useAsync';

/** A loader whose answers the test hands out one by one, in order. */
function scriptedLoader(answers: (() => Promise<string>)[]) {
  let calls = 0;
  const load = () => {
    const next = answers[calls] ?? answers[answers.length - 1];
    calls += 1;
    if (!next) throw new Error('no answer scripted');
    return next();
  };
  return { load, calls: () => calls };
}

describe('useAsync', () => {
  it('shows an error when the first load of a key fails, and the answer after a retry', async () => {
    const loader = scriptedLoader([() => Promise.reject(new Error('down')), () => Promise.resolve('floor 3')]);
    const { result } = renderHook(() => useAsync('floor:3', loader.load));
    await waitFor(() => expect(result.current.state.status).toBe('error'));

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.state).toEqual({ status: 'success', data: 'floor 3' }));
  });

  it('keeps the last answer on screen while a refresh loads, and shows the new one when it comes', async () => {
    let finish: (value: string) => void = () => {};
    const loader = scriptedLoader([
      () => Promise.resolve('busy'),
      () => new Promise<string>((resolve) => (finish = resolve)),
    ]);
    const { result } = renderHook(() => useAsync('room:1', loader.load));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'success', data: 'busy' }));

    act(() => result.current.refresh());
    expect(result.current.state).toEqual({ status: 'success', data: 'busy' });
    await act(async () => {
      finish('free');
      await Promise.resolve();
    });
    expect(result.current.state).toEqual({ status: 'success', data: 'free' });
  });

  it('keeps the last answer when a refresh fails, and takes the next successful refresh', async () => {
    const loader = scriptedLoader([
      () => Promise.resolve('busy'),
      () => Promise.reject(new Error('503 from a restarting instance')),
      () => Promise.resolve('free'),
    ]);
    const { result } = renderHook(() => useAsync('room:1', loader.load));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'success', data: 'busy' }));

    await act(async () => {
      result.current.refresh();
      await Promise.resolve();
    });
    await waitFor(() => expect(loader.calls()).toBe(2));
    expect(result.current.state).toEqual({ status: 'success', data: 'busy' });

    await act(async () => {
      result.current.refresh();
      await Promise.resolve();
    });
    await waitFor(() => expect(result.current.state).toEqual({ status: 'success', data: 'free' }));
  });

  it('does not show one key’s answer for another key', async () => {
    const loader = scriptedLoader([() => Promise.resolve('floor 3'), () => Promise.reject(new Error('down'))]);
    const { result, rerender } = renderHook(({ key }) => useAsync(key, loader.load), {
      initialProps: { key: 'floor:3' },
    });
    await waitFor(() => expect(result.current.state.status).toBe('success'));

    rerender({ key: 'floor:4' });
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state.status).toBe('error'));
  });
});
