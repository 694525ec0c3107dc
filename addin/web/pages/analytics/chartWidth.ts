import { createContext, useContext, useEffect, useState, type RefObject } from 'react';

/**
 * The width a chart should draw at. Fluent's charts measure their box only when their props
 * change, so a chart drawn on a wide window kept that width on a narrow one (a phone turned, a
 * window made smaller) and pushed the page sideways. The section measures its chart box and passes
 * the width down; a new width is a new prop, and the chart fits itself again.
 */
export const ChartWidth = createContext<number | undefined>(undefined);

export const useChartWidth = (): number | undefined => useContext(ChartWidth);

/** The element's content width, followed as it changes; undefined where the browser cannot tell. */
export function useMeasuredWidth(ref: RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
