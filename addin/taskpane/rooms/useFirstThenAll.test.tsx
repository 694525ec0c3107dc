/** @jest-environment jsdom */
import '../../ui/testing/jsdomGlobals';
import { describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import { useFirstThenAll } from './useFirstThenAll';

const rooms = (n: number) => Array.from({ length: n }, (_, i) => `room ${i + 1}`);

describe('useFirstThenAll', () => {
  it('draws the first items of a long list first, then all of them', async () => {
    const seen: number[] = [];
    const { result } = renderHook(() => {
      const shown = useFirstThenAll(rooms(24), 4);
      seen.push(shown.length);
      return shown;
    });
    await act(async () => {});
    expect(seen[0]).toBe(4);
    expect(result.current).toEqual(rooms(24));
  });

  it('shows a later list whole at once, and a short one as it is', async () => {
    const { result, rerender } = renderHook(({ items }) => useFirstThenAll(items, 4), {
      initialProps: { items: [] as string[] },
    });
    expect(result.current).toEqual([]);
    rerender({ items: rooms(3) });
    expect(result.current).toEqual(rooms(3));
    rerender({ items: rooms(10) });
    await act(async () => {});
    expect(result.current).toEqual(rooms(10));
    rerender({ items: rooms(12) });
    expect(result.current).toEqual(rooms(12));
  });
});
