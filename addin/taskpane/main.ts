import { ApiClient } from '../api/client';
import { connectToOutlook } from '../office/connect';
import { FakeOfficeHost } from '../office/fakeOfficeHost';
import { isOfficeHostError } from '../office/officeHost';
import { identityTokenSource } from './auth';
import { startFirstCalls } from './firstCalls';
import { previewMailbox } from './preview/previewMailbox';

/**
 * The taskpane's first script, kept free of React and Fluent UI: it starts the pane's first API
 * calls (and, in Outlook, Office.js) at once, while the browser is still fetching and running the
 * pane itself (./mount.tsx, preloaded by taskpane.html), instead of only after React has mounted.
 */

const params = new URLSearchParams(window.location.search);
const preview = params.get('preview') === '1';
const mode = params.get('mode') === 'attendee' ? 'attendee' : 'organizer';
const pane = import(/* webpackChunkName: "pane" */ './mount.js');

async function start(): Promise<void> {
  if (preview) {
    // The preview has no Outlook: a sample appointment, and the web app's session cookie. Saving
    // and sending happen in the signed-in user's mailbox in the demo's simulated Exchange, as
    // Outlook would do them. `itemId` instead stands for an item made elsewhere (a browser test
    // saves one in its own simulator): saveAsync returns it, or the attendee's item has it.
    const itemId = params.get('itemId') ?? undefined;
    const client = new ApiClient();
    const host = new FakeOfficeHost({
      ...(mode === 'attendee' ? { appointment: { mode: 'attendee', itemId } } : {}),
      ...(itemId === undefined ? { mailbox: previewMailbox(client) } : { savedItemId: itemId }),
    });
    startFirstCalls(client, host, { session: true, rooms: mode === 'organizer' });
    const previewSend = host.canSend ? () => host.send() : undefined;
    (await pane).renderPane({ host, client, preview, mode, previewSend });
    return;
  }
  // Paint as soon as React is here rather than after office.js and Outlook's answer; the pane
  // replaces this once Office is ready (promise reactions run in order, so this one comes first).
  void pane.then((mounted) => mounted.renderWaiting());
  const host = await connectToOutlook();
  const client = new ApiClient({ bearerToken: identityTokenSource(host) });
  startFirstCalls(client, host, { session: false, rooms: mode === 'organizer' });
  (await pane).renderPane({ host, client, preview, mode });
}

start().catch(async (error: unknown) => {
  // Simply outside Outlook needs no reason; anything else (office.js unreachable, say) is named.
  const outside = isOfficeHostError(error) && error.code === 'unsupported';
  (await pane).renderOutsideOutlook(!outside && error instanceof Error ? error.message : undefined);
});
