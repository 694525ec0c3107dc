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

/**
 * Fluent's styles are CSS rules inserted at run time, thousands of them. jsdom matches every rule
 * against an element on each getComputedStyle, which Testing Library's role queries call for every
 * element they look at (to leave out what is hidden): that matching was over half of a page test's
 * time. jsdom lays nothing out, so the only rules that change what a test can observe are those
 * that set display or visibility (one hides an element, a later one may show it again); the rest
 * are not inserted.
 */
const HIDES = /(^|[^-\w])(display|visibility)\s*:/;
const sheetPrototype = CSSStyleSheet.prototype;

// Taken unbound on purpose: it is called below with each sheet as `this`.
const insertRule = Reflect.get<CSSStyleSheet, 'insertRule'>(sheetPrototype, 'insertRule');
sheetPrototype.insertRule = function insertLayoutRule(this: CSSStyleSheet, rule: string, index?: number) {
  return HIDES.test(rule) ? insertRule.call(this, rule, index) : Math.min(index ?? 0, this.cssRules.length);
};
