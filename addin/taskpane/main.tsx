import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from '../api/client';
import { connectToOutlook } from '../office/connect';
import { FakeOfficeHost } from '../office/fakeOfficeHost';
import type { OfficeHost } from '../office/officeHost';
import { identityTokenSource } from './auth';
import { strings } from './strings';
import { TaskpaneApp, type PaneMode } from './TaskpaneApp';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);

const params = new URLSearchParams(window.location.search);
const preview = params.get('preview') === '1';
const mode: PaneMode = params.get('mode') === 'attendee' ? 'attendee' : 'organizer';

function render(host: OfficeHost, client: ApiClient) {
  root.render(
    <StrictMode>
      <TaskpaneApp host={host} client={client} preview={preview} mode={mode} />
    </StrictMode>,
  );
}

async function start(): Promise<void> {
  if (preview) {
    // The preview has no Outlook: a sample appointment, and the web app's session cookie.
    // `itemId` stands for the EWS ItemId Outlook would give (the browser test passes a real one
    // from the Exchange simulator): saveAsync returns it, or the attendee's item has it.
    const itemId = params.get('itemId') ?? undefined;
    const host = new FakeOfficeHost({
      ...(mode === 'attendee' ? { appointment: { mode: 'attendee', itemId } } : {}),
      ...(itemId === undefined ? {} : { savedItemId: itemId }),
    });
    render(host, new ApiClient());
    return;
  }
  const host = await connectToOutlook();
  render(host, new ApiClient({ bearerToken: identityTokenSource(host) }));
}

start().catch((error: unknown) => {
  // Nothing else can be shown before React: plain text, no markup from the error.
  container.textContent = `${strings.startFailed} ${error instanceof Error ? error.message : ''}`;
});
