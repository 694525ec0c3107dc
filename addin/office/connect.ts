import { loadOffice } from './loadOfficeJs';
import type { OfficeHost } from './officeHost';

/**
 * The real Outlook: loads office.js (CDN or local copy), waits for Office, then wraps the item.
 * The wrapper (with zod, which checks what is stored on the item) is fetched alongside office.js,
 * so the taskpane's first script stays small and nothing waits for it after Office is ready.
 */
export async function connectToOutlook(): Promise<OfficeHost> {
  const wrapper = import(/* webpackChunkName: "office-host" */ './officeJsHost.js');
  // Awaited below; if office.js fails first, that is the error to report, not this one.
  wrapper.catch(() => undefined);
  await loadOffice();
  return new (await wrapper).OfficeJsHost();
}
