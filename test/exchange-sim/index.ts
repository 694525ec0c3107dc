import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Authenticator } from './auth/authenticator';
import { ControlApi } from './control/controlApi';
import { EwsEndpoint } from './http/ewsEndpoint';
import { listen } from './http/listener';
import { generateCertificates } from './http/tls';
import { METADATA_PATH, MINT_PATH, SimIdentityIssuer, type SimIdentity } from './identity/identityTokens';
import type { ExchangeModelApi, Mailbox } from './model/api';
import { createExchangeModel } from './model/index';
import { loadSeedFile, parseSeed, type SeedFile } from './model/seed';
import { OpenStreams } from './operations/notifications';
import { createOperations } from './operations/registry';
import { faultEnvelope } from './soap/envelope';
import { SERVER_PROFILES, type ExchangeRelease } from './soap/serverVersion';
import { defaultSchemaDir, EwsSchemaValidator, schemaDirAvailable } from './soap/schema';

/** Starts an EWS peer that behaves like on-premise Exchange 2019. See docs/exchange-sim.md. */

export type { MintIdentityTokenInput, SimIdentity } from './identity/identityTokens';

export interface ExchangeSimOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Plain http instead of https with a generated certificate. */
  http?: boolean;
  /** `demo`, a path to a seed JSON file, or a seed object. Default `demo`. */
  seed?: string | SeedFile;
  /** Where to write the CA certificate (PEM) that signed the server certificate. */
  caOut?: string;
  attendantDelayMs?: number;
  concurrencyLimit?: number;
  /** Offer Basic authentication (default true) and NTLM/Negotiate (default true). */
  basicAuth?: boolean;
  ntlmAuth?: boolean;
  /**
   * Validate every request body against messages.xsd (ErrorSchemaValidation otherwise).
   * Default: on when the schemas are found (EWS_SCHEMA_DIR or ../shared/schemas/ews).
   */
  validateRequests?: boolean;
  /** The Exchange release to play (default Exchange2019; Exchange2010_SP1 for the oldest we support). */
  release?: ExchangeRelease;
  schemaDir?: string;
  /** GetStreamingEvents keep-alive interval (default 30 s) and the length of a ConnectionTimeout minute (tests only). */
  streaming?: { heartbeatMs?: number; minuteMs?: number };
  /** Called with every response body element and streamed body (for schema checks in tests). */
  onResponse?: (operation: string, bodyXml: string) => void;
  onRequest?: (operation: string, bodyXml: string) => void;
}

export interface SimControl {
  readonly model: ExchangeModelApi;
  /** CA certificate (PEM) when serving https. */
  readonly caCertPem?: string;
  /** True when requests are checked against messages.xsd. */
  readonly validatesRequests: boolean;
  /** Drops every open GetStreamingEvents connection without a Closed envelope. */
  dropStreams(): number;
  /** Exchange identity tokens for the add-in (mint) and their metadata document. */
  readonly identity: SimIdentity;
}

export interface RunningExchangeSim {
  /** The EWS endpoint, e.g. https://127.0.0.1:8443/EWS/Exchange.asmx */
  readonly url: string;
  /** Scheme, host and port, for /sim/ control calls. */
  readonly baseUrl: string;
  readonly control: SimControl;
  close(): Promise<void>;
}

function loadSeed(seed: string | SeedFile | undefined): SeedFile {
  if (seed === undefined) return loadSeedFile('demo');
  if (typeof seed === 'string') return loadSeedFile(seed);
  return parseSeed(seed);
}

function smtpDomain(model: ExchangeModelApi): string {
  const first = model.mailboxes()[0];
  return first?.smtp.split('@')[1] ?? 'contoso.com';
}

export async function startExchangeSim(options: ExchangeSimOptions = {}): Promise<RunningExchangeSim> {
  const model = createExchangeModel(loadSeed(options.seed), {
    attendantDelayMs: options.attendantDelayMs,
    concurrencyLimit: options.concurrencyLimit,
  });
  const schemaDir = options.schemaDir ?? defaultSchemaDir();
  const canValidate = schemaDirAvailable(schemaDir);
  if (options.validateRequests === true && !canValidate) {
    throw Object.assign(new Error(`EWS schemas not found in ${schemaDir}`), { code: 'SCHEMAS_MISSING' });
  }
  const validator = (options.validateRequests ?? canValidate) ? new EwsSchemaValidator(schemaDir) : undefined;
  const dnsDomain = smtpDomain(model);
  const netbios = (dnsDomain.split('.')[0] ?? 'CONTOSO').toUpperCase();
  const authenticator = new Authenticator<Mailbox>((login) => model.findMailboxByLogin(login), {
    basic: options.basicAuth ?? true,
    ntlm: options.ntlmAuth ?? true,
    realm: options.host ?? '127.0.0.1',
    names: { netbiosDomain: netbios, netbiosComputer: 'EXSIM01', dnsDomain, dnsComputer: `exsim01.${dnsDomain}` },
    now: () => Date.now(),
  });
  const openStreams = new OpenStreams();
  const shutdown = new AbortController();
  const endpoint = new EwsEndpoint({
    profile: SERVER_PROFILES[options.release ?? 'Exchange2019'],
    model,
    authenticator,
    operations: createOperations(
      { heartbeatMs: options.streaming?.heartbeatMs ?? 30_000, minuteMs: options.streaming?.minuteMs ?? 60_000 },
      openStreams,
    ),
    validator,
    recordResponse: options.onResponse ?? (() => undefined),
    recordRequest: options.onRequest ?? (() => undefined),
    shutdownSignal: shutdown.signal,
  });
  const control = new ControlApi(model, openStreams);
  let baseUrl = '';
  const identity = new SimIdentityIssuer(model, () => baseUrl);
  const tls = options.http ? undefined : generateCertificates();
  if (tls && options.caOut) writeFileSync(options.caOut, tls.caCertPem);

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://sim').pathname;
    const lower = pathname.toLowerCase();
    if (lower === '/ews/exchange.asmx') return endpoint.handle(req, res);
    if (lower === METADATA_PATH && req.method === 'GET') return identity.serveMetadata(res);
    if (lower === MINT_PATH) return identity.serveMint(req, res);
    if (lower.startsWith('/sim/')) return control.handle(req, res, pathname);
    if ((lower === '/ews/messages.xsd' || lower === '/ews/types.xsd') && canValidate) {
      const file = path.join(schemaDir, lower.slice('/ews/'.length));
      if (existsSync(file)) {
        res.setHeader('Content-Type', 'text/xml');
        res.end(readFileSync(file));
        return;
      }
    }
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html');
    res.end('<html><body><h2>404 - File or directory not found.</h2></body></html>');
  };

  const listener = await listen({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    tls,
    handler,
    onError: (err, _req, res) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/xml; charset=utf-8');
      res.end(
        faultEnvelope({
          responseCode: 'ErrorInternalServerError',
          message: `An internal server error occurred. ${err instanceof Error ? err.message : String(err)}`,
        }),
      );
    },
  });

  baseUrl = listener.url;
  return {
    url: `${listener.url}/EWS/Exchange.asmx`,
    baseUrl: listener.url,
    control: {
      model,
      caCertPem: tls?.caCertPem,
      validatesRequests: validator !== undefined,
      dropStreams: () => openStreams.dropAll(),
      identity,
    },
    close: async () => {
      shutdown.abort();
      await listener.close();
      model.dispose();
    },
  };
}
