import http from 'node:http';
import https from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
import * as ews from 'ews-javascript-api';
import { NtlmAuthProvider } from './ntlmProvider';
import {
  createThrottle,
  DEFAULT_POLICY,
  type ResilienceHooks,
  type ResiliencePolicy,
  type Throttle,
} from './resilience';
import { StreamSafeXhrApi } from './streamSafeXhrApi';

import type { ExchangeConnectionSettings } from '../../ports/exchangeSettings';

/** How Roomserve reaches Exchange: one service account with ApplicationImpersonation. */
export type EwsConnectionSettings = ExchangeConnectionSettings;

function tlsOptions(settings: EwsConnectionSettings): https.AgentOptions {
  if (settings.skipTlsVerification) return { rejectUnauthorized: false };
  // A CA bundle adds to Node's public roots rather than replacing them, as admins expect. It is
  // parsed once into a secure context: given as `ca`, the agent would parse the ~150 roots again for
  // every new socket and join their text into its pool key for every request.
  return settings.caBundlePem
    ? {
        rejectUnauthorized: true,
        secureContext: createSecureContext({ ca: [...rootCertificates, settings.caBundlePem] }),
      }
    : { rejectUnauthorized: true };
}

interface Transport {
  readonly xhr: StreamSafeXhrApi;
  readonly agents: Array<http.Agent | https.Agent>;
}

/** Takes one slot of the service account's concurrency budget; call the answer to give it back. */
export type SlotTaker = () => Promise<() => void>;

function transportFor(settings: EwsConnectionSettings, streamSlot?: SlotTaker): Transport {
  const tls = tlsOptions(settings);
  if (settings.authMethod === 'ntlm') {
    const api = new StreamSafeXhrApi(
      { rejectUnauthorized: tls.rejectUnauthorized ?? true },
      new NtlmAuthProvider(settings.username, settings.password, {
        create: () => ({
          httpAgent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
          httpsAgent: new https.Agent({ ...tls, keepAlive: true, maxSockets: 1 }),
        }),
      }),
      streamSlot,
    );
    return { xhr: api, agents: [] };
  }
  const httpAgent = new http.Agent({ keepAlive: true });
  const httpsAgent = new https.Agent({ ...tls, keepAlive: true });
  const api = new StreamSafeXhrApi(
    { rejectUnauthorized: tls.rejectUnauthorized ?? true, httpAgent, httpsAgent },
    undefined,
    streamSlot,
  );
  return { xhr: api, agents: [httpAgent, httpsAgent] };
}

/**
 * An ExchangeService that reports the ServerVersionInfo of every answer it reads, so the
 * connection learns which Exchange it talks to from ordinary traffic.
 */
class VersionReportingService extends ews.ExchangeService {
  constructor(
    version: ews.ExchangeVersion,
    private readonly report: (info: ews.ExchangeServerInfo) => void,
  ) {
    // UTC in and out: ews-javascript-api would otherwise guess the process's local zone.
    super(version, ews.TimeZoneInfo.Utc);
  }

  override get ServerInfo(): ews.ExchangeServerInfo {
    return super.ServerInfo;
  }

  override set ServerInfo(info: ews.ExchangeServerInfo) {
    (super.ServerInfo as ews.ExchangeServerInfo | undefined) = info;
    if (info) this.report(info);
  }
}

/** A failed hand-written SOAP call in the shape ews-javascript-api gives its errors (read by describeFailure). */
class RawSoapFailure extends Error {
  constructor(
    message: string,
    readonly HttpStatusCode: number | undefined,
    readonly faultCode: string | undefined,
    readonly errorDetails: Map<string, string>,
  ) {
    super(message);
    this.name = 'RawSoapFailure';
  }
}

function rawSoapFailure(err: unknown): RawSoapFailure {
  const record = typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : {};
  const status = typeof record.status === 'number' && record.status > 0 ? record.status : undefined;
  const body = typeof record.response === 'string' ? record.response : '';
  const fault = /<faultcode>([^<]+)<\/faultcode>/.exec(body)?.[1];
  const details = new Map<string, string>();
  const backOff = /Name="BackOffMilliseconds"[^>]*>(\d+)</.exec(body)?.[1];
  if (backOff !== undefined) details.set('BackOffMilliseconds', backOff);
  const message =
    /<faultstring[^>]*>([^<]+)</.exec(body)?.[1] ??
    (typeof record.message === 'string' && record.message !== '' ? record.message : `HTTP ${status ?? 'failure'}`);
  return new RawSoapFailure(message, status, fault, details);
}

/** Exchange 2013 and later answer with MajorVersion 15; 2010 with 14. */
const EXCHANGE_2013_MAJOR = 15;

/**
 * Builds ExchangeService instances that share one transport. A service object carries the
 * impersonated mailbox, so every call gets its own.
 */
export class EwsConnection {
  private readonly transport: Transport;
  private extraAgents: Array<http.Agent | https.Agent> = [];
  /**
   * The server's major version, once it has answered. Exchange 2010 SP1 refuses a
   * RequestServerVersion newer than its own (schema validation), so requests go out as
   * Exchange2010_SP1, which every supported release accepts, until an answer says 2013 or newer.
   */
  private serverMajorVersion: number | undefined;

  /** `streamSlot`: the budget a streaming request takes until Exchange answers it. */
  constructor(
    readonly settings: EwsConnectionSettings,
    private readonly streamSlot?: SlotTaker,
  ) {
    this.transport = transportFor(settings);
  }

  /** Closes kept-alive connections. */
  destroy(): void {
    for (const agent of [...this.transport.agents, ...this.extraAgents]) agent.destroy();
    this.extraAgents = [];
  }

  /** A service that acts as the service account itself (room lists, directory). */
  asServiceAccount(): ews.ExchangeService {
    return this.serviceOn(this.transport.xhr);
  }

  /**
   * A service for ONE streaming connection, impersonating `mailbox`. ews-javascript-api ends a
   * stream through `XHRApi.disconnect()`, which closes the one stream that transport object knows:
   * streams sharing a transport would close each other, so each gets its own.
   */
  forStreaming(mailbox: string): { readonly service: ews.ExchangeService; dispose(): void } {
    const own = transportFor(this.settings, this.streamSlot);
    this.extraAgents.push(...own.agents);
    return {
      service: this.impersonate(this.serviceOn(own.xhr), mailbox),
      dispose: () => {
        for (const agent of own.agents) agent.destroy();
        this.extraAgents = this.extraAgents.filter((a) => !own.agents.includes(a));
      },
    };
  }

  /**
   * POSTs a SOAP envelope we wrote ourselves, for operations ews-javascript-api 0.15 lacks
   * (FindPeople), on the same transport and credentials. Answers the response text of an HTTP 200;
   * anything else is thrown shaped like the library's errors, so the throttle's back-off applies.
   */
  async postSoap(envelope: string): Promise<string> {
    const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml' };
    if (this.settings.authMethod === 'basic')
      headers.Authorization = `Basic ${Buffer.from(`${this.settings.username}:${this.settings.password}`).toString('base64')}`;
    try {
      const answer = await this.transport.xhr.xhr({ url: this.settings.url, type: 'POST', data: envelope, headers });
      const text = answer.responseText;
      this.noteServerVersion(text);
      return text;
    } catch (err) {
      throw rawSoapFailure(err);
    }
  }

  private noteServerVersion(responseXml: string): void {
    const major = /ServerVersionInfo[^>]*MajorVersion="(\d+)"/.exec(responseXml)?.[1];
    if (major !== undefined) this.serverMajorVersion = Number(major);
  }

  /** Whether requests may ask for what came with Exchange 2013 (JoinOnlineMeetingUrl). */
  speaks2013(): boolean {
    return (this.serverMajorVersion ?? 0) >= EXCHANGE_2013_MAJOR;
  }

  private serviceOn(xhr: StreamSafeXhrApi): ews.ExchangeService {
    const version = this.speaks2013() ? ews.ExchangeVersion.Exchange2013 : ews.ExchangeVersion.Exchange2010_SP1;
    const service = new VersionReportingService(version, (info) => {
      this.serverMajorVersion = info.MajorVersion;
    });
    service.Url = new ews.Uri(this.settings.url);
    service.Credentials = new ews.WebCredentials(this.settings.username, this.settings.password);
    service.XHRApi = xhr;
    return service;
  }

  private impersonate(service: ews.ExchangeService, mailbox: string): ews.ExchangeService {
    service.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, mailbox);
    service.HttpHeaders.Add('X-AnchorMailbox', mailbox);
    return service;
  }

  /** A service impersonating `mailbox`, with mailbox affinity for the front end. */
  impersonating(mailbox: string): ews.ExchangeService {
    return this.impersonate(this.asServiceAccount(), mailbox);
  }
}

/**
 * The service account's way into Exchange: one transport and one throttle (concurrency budget,
 * back-off) that every view of the connection (gateway, meeting writer, lookup, directory) shares.
 */
export interface EwsAccess {
  readonly connection: EwsConnection;
  readonly throttle: Throttle;
  readonly url: string;
}

export function openEwsAccess(
  settings: EwsConnectionSettings,
  policy: ResiliencePolicy = DEFAULT_POLICY,
  hooks: ResilienceHooks = {},
): EwsAccess {
  const throttle = createThrottle(settings.url, policy, hooks);
  return { connection: new EwsConnection(settings, () => throttle.hold()), throttle, url: settings.url };
}
