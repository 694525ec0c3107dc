import type { ApiClient } from '../api/client';
import { EarlyAnswers } from '../api/early';
import { fetchTransport, withBearer, type HttpRequest } from '../api/http';
import { connectToOutlook } from '../office/connect';
import { FakeOfficeHost, type PreviewMailbox } from '../office/fakeOfficeHost';
import { isOfficeHostError } from '../office/officeHost';
import { identityTokenSource } from './auth';
import { startFirstCalls } from './firstCalls';

/**
 * The taskpane's first script, kept free of React, Fluent UI and zod (the endpoint contracts): it
 * starts the pane's first API calls (and, in Outlook, Office.js) at once, while the browser is still
 * fetching and running the pane itself (./mount.tsx, preloaded by taskpane.html), instead of only
 * after React has mounted. The typed client, made in the pane's chunk, takes their answers.
 */

const params = new URLSearchParams(window.location.search);
const preview = params.get('preview') === '1';
const mode = params.get('mode') === 'attendee' ? 'attendee' : 'organizer';
const pane = import(/* webpackChunkName: "pane" */ './mount.js');
const early = new EarlyAnswers();

/**
 * The demo's simulated mailbox calls the server through the pane's client (its session and CSRF
 * token). Loaded at the first save or send, which no first screen waits for.
 */
function previewMailboxOf(client: Promise<ApiClient>): PreviewMailbox {
  let mailbox: Promise<PreviewMailbox> | undefined;
  const loaded = async () =>
    (mailbox ??= Promise.all([pane, client]).then(async ([mounted, ready]) => mounted.previewMailbox(ready)));
  return {
    save: async (appointment, itemId) => (await loaded()).save(appointment, itemId),
    send: async (appointment, itemId) => (await loaded()).send(appointment, itemId),
  };
}

async function start(): Promise<void> {
  if (preview) {
    // The preview has no Outlook: a sample appointment, and the web app's session cookie. Saving
    // and sending happen in the signed-in user's mailbox in the demo's simulated Exchange, as
    // Outlook would do them. `itemId` instead stands for an item made elsewhere (a browser test
    // saves one in its own simulator): saveAsync returns it, or the attendee's item has it.
    const itemId = params.get('itemId') ?? undefined;
    const client = pane.then((mounted) => mounted.createClient({ early }));
    const host = new FakeOfficeHost({
      ...(mode === 'attendee' ? { appointment: { mode: 'attendee', itemId } } : {}),
      ...(itemId === undefined ? { mailbox: previewMailboxOf(client) } : { savedItemId: itemId }),
    });
    startFirstCalls(early, host, fetchTransport, { session: true, rooms: mode === 'organizer' });
    const previewSend = host.canSend ? () => host.send() : undefined;
    (await pane).renderPane({ host, client: await client, preview, mode, previewSend });
    return;
  }
  // Paint as soon as React is here rather than after office.js and Outlook's answer; the pane
  // replaces this once Office is ready (promise reactions run in order, so this one comes first).
  void pane.then((mounted) => mounted.renderWaiting());
  const host = await connectToOutlook();
  const bearerToken = identityTokenSource(host);
  const send = async (request: HttpRequest) => fetchTransport(await withBearer(request, bearerToken));
  startFirstCalls(early, host, send, { session: false, rooms: mode === 'organizer' });
  const mounted = await pane;
  mounted.renderPane({ host, client: mounted.createClient({ early, bearerToken }), preview, mode });
}

start().catch(async (error: unknown) => {
  // Simply outside Outlook needs no reason; anything else (office.js unreachable, say) is named.
  const outside = isOfficeHostError(error) && error.code === 'unsupported';
  await (await pane).renderOutsideOutlook(!outside && error instanceof Error ? error.message : undefined);
});
