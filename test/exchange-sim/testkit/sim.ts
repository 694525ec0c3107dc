import type { Credentials } from './client';
import { startExchangeSim, type ExchangeSimOptions, type RunningExchangeSim } from '../index';

/** Starts a simulator on 127.0.0.1:0 that remembers every response body it produced. */
export interface TestSim extends RunningExchangeSim {
  readonly responses: { operation: string; xml: string }[];
  /** JSON call to the control API. */
  controlCall(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

export const SERVICE: Credentials = { user: 'NORTHWIND\\svc-roomserve', password: 'Roomserve-demo-1' };
export const EMMA: Credentials = { user: 'NORTHWIND\\emma.schmidt', password: 'Roomserve-demo-1' };
export const LUKAS: Credentials = { user: 'lukas.meyer@northwind.test', password: 'Roomserve-demo-1' };

export async function startTestSim(options: ExchangeSimOptions = {}): Promise<TestSim> {
  const responses: { operation: string; xml: string }[] = [];
  const sim = await startExchangeSim({
    http: true,
    seed: 'demo',
    attendantDelayMs: 20,
    ...options,
    onResponse: (operation, xml) => responses.push({ operation, xml }),
  });
  const controlCall = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(`${sim.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  return { ...sim, responses, controlCall };
}
