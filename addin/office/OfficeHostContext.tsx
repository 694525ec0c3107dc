import { createContext, useContext, type ReactNode } from 'react';
import type { OfficeHost } from './officeHost';

const OfficeHostContext = createContext<OfficeHost | undefined>(undefined);

/** Hands the pane its Outlook (or the fake one in tests and the preview). */
export function OfficeHostProvider({ host, children }: { host: OfficeHost; children: ReactNode }) {
  return <OfficeHostContext.Provider value={host}>{children}</OfficeHostContext.Provider>;
}

export function useOfficeHost(): OfficeHost {
  const host = useContext(OfficeHostContext);
  if (!host) throw new Error('useOfficeHost needs an <OfficeHostProvider> above it');
  return host;
}
