import { loadOffice } from './loadOfficeJs';
import type { OfficeHost } from './officeHost';
import { OfficeJsHost } from './officeJsHost';

/** The real Outlook: loads office.js (CDN or local copy), waits for Office, then wraps the item. */
export async function connectToOutlook(): Promise<OfficeHost> {
  await loadOffice();
  return new OfficeJsHost();
}
