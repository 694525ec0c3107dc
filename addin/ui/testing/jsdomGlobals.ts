/**
 * What jsdom lacks but the browser (and so react-router and Fluent UI) has. Import this first
 * in every jsdom test file: imports run in order, before the libraries read these globals.
 */
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}

/** jsdom does no layout, so nothing ever resizes; Fluent's MessageBar and popovers only need the API. */
class InertResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof globalThis.ResizeObserver === 'undefined') {
  Object.assign(globalThis, { ResizeObserver: InertResizeObserver });
}

/**
 * react-router's data router wraps every navigation in a fetch Request, which jsdom does not
 * have. Our routes have no loaders or actions, so only the URL, method and signal are read.
 */
class NavigationRequest {
  readonly url: string;
  readonly method: string;
  readonly signal: AbortSignal | null;
  readonly body = null;

  constructor(input: string | URL, init: { method?: string; signal?: AbortSignal | null } = {}) {
    this.url = String(input);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.signal = init.signal ?? null;
  }
}

if (typeof globalThis.Request === 'undefined') {
  Object.assign(globalThis, { Request: NavigationRequest });
}

// The machine is shared; lazy routes and Fluent's first render can take longer than 1 s.
configure({ asyncUtilTimeout: 5000 });
