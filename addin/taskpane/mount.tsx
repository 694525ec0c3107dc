import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ApiClient, type ApiClientOptions } from '../api/client';
import type { PreviewMailbox } from '../office/fakeOfficeHost';
import type { OfficeHost } from '../office/officeHost';
import { LoadingState } from '../ui/StatusViews';
import { PaneTheme } from './PaneTheme';
import { TaskpaneApp, type PaneMode } from './TaskpaneApp';

/**
 * React, Fluent UI and the pane: the chunk main.tsx loads while the pane's first API calls (and,
 * in Outlook, Office.js) are already under way. taskpane.html preloads it next to main's script.
 */

let root: Root | undefined;

function theRoot(): Root {
  if (root) return root;
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  root = createRoot(container);
  return root;
}

/** The typed client (endpoint contracts and their zod schemas come with this chunk). */
export function createClient(options: ApiClientOptions): ApiClient {
  return new ApiClient(options);
}

export interface PaneStart {
  readonly host: OfficeHost;
  readonly client: ApiClient;
  readonly preview: boolean;
  readonly mode: PaneMode;
  readonly previewSend?: () => Promise<void>;
}

export function renderPane({ host, client, preview, mode, previewSend }: PaneStart): void {
  theRoot().render(
    <StrictMode>
      <TaskpaneApp host={host} client={client} preview={preview} mode={mode} previewSend={previewSend} />
    </StrictMode>,
  );
}

/** While Office.js loads and Outlook answers (seconds on a slow laptop): the pane is on its way. */
export function renderWaiting(): void {
  theRoot().render(
    <PaneTheme>
      <LoadingState />
    </PaneTheme>,
  );
}

/**
 * The preview's mailbox in the demo's simulated Exchange (its contracts and schemas): loaded when
 * the preview first saves the item, not with the first screen.
 */
export async function previewMailbox(client: ApiClient): Promise<PreviewMailbox> {
  const loaded = await import(/* webpackChunkName: "preview-mailbox" */ './preview/previewMailbox.js');
  return loaded.previewMailbox(client);
}

/**
 * Opened in a browser, or Outlook could not start us: how to open it, and the preview. A chunk of
 * its own, since a pane that starts never shows it.
 */
export async function renderOutsideOutlook(detail: string | undefined): Promise<void> {
  const { OutsideOutlook } = await import(/* webpackChunkName: "outside-outlook" */ './OutsideOutlook.js');
  theRoot().render(<OutsideOutlook detail={detail} />);
}
