import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client';

const ApiContext = createContext<ApiClient | undefined>(undefined);

/** Gives the pages one client, so that tests can hand in a client over a fake transport. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider> above it');
  return client;
}
