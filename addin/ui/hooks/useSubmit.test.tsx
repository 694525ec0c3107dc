/** @jest-environment jsdom */
import '../testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import { useSubmit } from './useSubmit';

const problemOf = (error: unknown) => (error instanceof Error ? `failed: ${error.message}` : 'failed');

describe('useSubmit', () => {
  it('is busy while the action runs and clears the earlier problem when it starts', async () => {
    const { result } = renderHook(() => useSubmit(problemOf));
    act(() => result.current.complain('Enter your email.'));
    let finish = () => {};
    let running: Promise<void> = Promise.resolve();
    act(() => {
      running = result.current.submit(() => new Promise<void>((resolve) => (finish = resolve)));
    });

    expect(result.current.busy).toBe(true);
    expect(result.current.problem).toBeUndefined();

    await act(async () => {
      finish();
      await running;
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.problem).toBeUndefined();
  });

  it("turns the action's failure into the problem and is no longer busy", async () => {
    const { result } = renderHook(() => useSubmit(problemOf));

    await act(() => result.current.submit(() => Promise.reject(new Error('rate limited'))));

    expect(result.current.busy).toBe(false);
    expect(result.current.problem).toBe('failed: rate limited');
  });
});
