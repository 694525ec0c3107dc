import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from '../api/client';
import { connectToOutlook } from '../office/connect';
import { FakeOfficeHost } from '../office/fakeOfficeHost';
import { isOfficeHostError, type OfficeHost } from '../office/officeHost';
import { identityTokenSource } from './auth';
import { startFirstCalls } from './firstCalls';
import { OutsideOutlook } from './OutsideOutlook';
import { previewMailbox } from './preview/previewMailbox';
import { TaskpaneApp, type PaneMode } from './TaskpaneApp';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);

const params = new URLSearchParams(window.location.search);
const preview = params.get('preview') === '1';
const mode: PaneMode = params.get('mode') === 'attendee' ? 'attendee' : 'organizer';

function render(host: OfficeHost, client: ApiClient, previewSend?: () => Promise<void>) {
  root.render(
    <StrictMode>
      <TaskpaneApp host={host} client={client} preview={preview} mode={mode} previewSend={previewSend} />
    </StrictMode>,
  );
}

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
    render(host, client, host.canSend ? () => host.send() : undefined);
    return;
  }
  const host = await connectToOutlook();
  const client = new ApiClient({ bearerToken: identityTokenSource(host) });
  startFirstCalls(client, host, { session: false, rooms: mode === 'organizer' });
  render(host, client);
}

start().catch((error: unknown) => {
  // Opened in a browser, or Outlook could not start us: say how to open it, and offer the preview.
  // Simply outside Outlook needs no reason; anything else (office.js unreachable, say) is named.
  const outside = isOfficeHostError(error) && error.code === 'unsupported';
  root.render(<OutsideOutlook detail={!outside && error instanceof Error ? error.message : undefined} />);
});
