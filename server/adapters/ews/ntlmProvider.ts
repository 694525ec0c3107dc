import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { createType1Message, createType3Message, decodeType2Message } from '@ewsjs/ntlm-client';
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import type { IProvider, PreCallConfig } from '@ewsjs/xhr/dist/IProvider';

/**
 * NTLM for @ewsjs/xhr that keeps our TLS settings. The library's own provider builds a fresh
 * https.Agent for every call and so cannot take a CA bundle; this one runs the same handshake
 * (Type 1 → 401 with Type 2 → Type 3 on the same kept-alive connection) through agents we build.
 * The NTLM messages themselves come from @ewsjs/ntlm-client.
 */

export interface NtlmAgents {
  /** One connection per handshake: NTLM authenticates a TCP connection, not a request. */
  create(): { readonly httpAgent: HttpAgent; readonly httpsAgent: HttpsAgent };
}

function splitLogon(logon: string): { user: string; domain: string } {
  const slash = logon.indexOf('\\');
  if (slash > 0) return { domain: logon.slice(0, slash).toUpperCase(), user: logon.slice(slash + 1) };
  return { domain: '', user: logon };
}

function challengeOf(header: unknown): string | undefined {
  const values = Array.isArray(header) ? header : [header];
  return values
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    .map((v) => v.trim())
    .find((v) => /^(NTLM|Negotiate) \S+/i.test(v));
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
}

export class NtlmAuthProvider implements IProvider {
  readonly providerName = 'ntlm';
  readonly client: AxiosInstance = axios.create();
  private readonly user: string;
  private readonly domain: string;

  constructor(
    logon: string,
    private readonly password: string,
    private readonly agents: NtlmAgents,
  ) {
    ({ user: this.user, domain: this.domain } = splitLogon(logon));
  }

  async preCall(options: PreCallConfig): Promise<AxiosRequestConfig> {
    const { rejectUnauthorized: _ignored, ...base } = options;
    const { httpAgent, httpsAgent } = this.agents.create();
    const headers = { ...(base.headers as Record<string, string> | undefined) };
    const negotiate: AxiosRequestConfig = {
      ...base,
      httpAgent,
      httpsAgent,
      method: 'GET',
      responseType: 'text',
      validateStatus: () => true,
      headers: { ...headers, Connection: 'keep-alive', Authorization: createType1Message('.', this.domain) },
    };
    delete negotiate.data;
    const challenged = await this.client.request(negotiate);
    const challenge = challengeOf(challenged.headers['www-authenticate']);
    if (challenged.status !== 401 || challenge === undefined) {
      // No NTLM challenge: let the real request run and fail (or succeed) on its own terms, but
      // without the Basic header ews-javascript-api's credentials put on every request: with NTLM
      // chosen, the password must never cross the wire, whatever the server asks for (issue #20).
      return { ...base, httpAgent, httpsAgent, headers: withoutAuthorization(headers) };
    }
    const type2 = decodeType2Message(challenge);
    const type3 = createType3Message(type2, this.user, this.password, '.', this.domain);
    return {
      ...base,
      httpAgent,
      httpsAgent,
      // The handshake's connection is used once; closing it frees the per-call agent's socket.
      headers: { ...headers, Connection: 'close', Authorization: type3 },
    };
  }
}
