import type { HttpRequest, HttpResponse } from './http';

/** How long an early answer may wait for its call before it counts as stale. */
const EARLY_ANSWER_MS = 10_000;

/**
 * GETs started before anything on the page asks for them (the taskpane's first calls, while its
 * React chunk is still loading), each handed to the first call of the same URL within a few
 * seconds, once. Later calls, and an answer nobody asks for, go their normal way; failures surface
 * only in that call, exactly as they would have. Free of zod and React, so the first script can
 * start them; the ApiClient made later takes them over (ApiClientOptions.early).
 */
export class EarlyAnswers {
  private readonly answers = new Map<string, { readonly at: number; readonly response: Promise<HttpResponse> }>();

  constructor(private readonly now: () => number = Date.now) {}

  start(request: HttpRequest, send: (request: HttpRequest) => Promise<HttpResponse>): void {
    if (request.method !== 'GET') return;
    const response = send(request);
    // Handled here so an unused or failed early call is never an unhandled rejection; the call re-awaits it.
    response.catch(() => undefined);
    this.answers.set(request.url, { at: this.now(), response });
  }

  take(request: HttpRequest): Promise<HttpResponse> | undefined {
    if (request.method !== 'GET') return undefined;
    const early = this.answers.get(request.url);
    this.answers.delete(request.url);
    return early && this.now() - early.at < EARLY_ANSWER_MS ? early.response : undefined;
  }
}
