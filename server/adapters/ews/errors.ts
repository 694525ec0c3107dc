import * as ews from 'ews-javascript-api';
import { GatewayError, type GatewayErrorKind } from '../../ports/calendarGateway';

/**
 * What went wrong in an EWS call, read off ews-javascript-api's error objects (SoapFaultDetails
 * for HTTP-level failures and faults, ServiceResponseException for per-message errors), so that
 * nothing else has to know their shapes.
 */
export interface EwsFailure {
  /** The server's ErrorXxx code, when there is one. */
  readonly serverCode: string | undefined;
  /** The HTTP status, when a response arrived. */
  readonly httpStatus: number | undefined;
  readonly message: string;
  readonly backOffMs: number | undefined;
  /** No answer at all: DNS, refused connection, TLS, timeout. */
  readonly network: 'dns' | 'tls' | 'connect' | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function serviceErrorName(code: unknown): string | undefined {
  if (typeof code !== 'number' || code === 0) return undefined;
  const name: unknown = (ews.ServiceError as unknown as Record<number, unknown>)[code];
  return typeof name === 'string' ? name : undefined;
}

function backOffOf(details: unknown): number | undefined {
  if (!isRecord(details) || typeof details.get !== 'function') return undefined;
  const raw: unknown = (details.get as (key: string) => unknown).call(details, 'BackOffMilliseconds');
  const ms = Number(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function networkKind(message: string): EwsFailure['network'] {
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(message)) return 'dns';
  if (/certificate|self[- ]signed|altnames|\bSSL\b|\bTLS\b|EPROTO/i.test(message)) return 'tls';
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|socket hang up|timeout/i.test(message))
    return 'connect';
  return undefined;
}

function faultCodeName(faultCode: unknown): string | undefined {
  if (typeof faultCode !== 'string') return undefined;
  const name = faultCode.includes(':') ? faultCode.slice(faultCode.indexOf(':') + 1) : faultCode;
  return name.startsWith('Error') ? name : undefined;
}

export function describeFailure(err: unknown): EwsFailure {
  if (!isRecord(err))
    return {
      serverCode: undefined,
      httpStatus: undefined,
      message: String(err),
      backOffMs: undefined,
      network: undefined,
    };
  const message = typeof err.message === 'string' ? err.message : '';
  if (isRecord(err.response) && 'ErrorCode' in err.response) {
    return {
      serverCode: serviceErrorName(err.response.ErrorCode),
      httpStatus: 200,
      message,
      backOffMs: undefined,
      network: undefined,
    };
  }
  const status = typeof err.HttpStatusCode === 'number' ? err.HttpStatusCode : undefined;
  // ews-javascript-api labels transport failures ErrorInternalServerError without an HTTP status.
  const network = status === undefined ? networkKind(message) : undefined;
  const serverCode = network ? undefined : (serviceErrorName(err.responseCode) ?? faultCodeName(err.faultCode));
  return { serverCode, httpStatus: status, message, backOffMs: backOffOf(err.errorDetails), network };
}

const KIND_BY_CODE: Readonly<Record<string, GatewayErrorKind>> = {
  ErrorServerBusy: 'throttled',
  ErrorImpersonateUserDenied: 'permission',
  ErrorAccessDenied: 'permission',
  ErrorInvalidExchangeImpersonationHeaderData: 'bad-request',
  ErrorNonExistentMailbox: 'mailbox-not-found',
  ErrorInvalidSyncStateData: 'invalid-sync-state',
  ErrorMailboxMoveInProgress: 'transient',
  ErrorMailboxStoreUnavailable: 'transient',
  ErrorInternalServerTransientError: 'transient',
  ErrorTimeoutExpired: 'transient',
  ErrorConnectionFailed: 'transient',
};

function kindOf(failure: EwsFailure): GatewayErrorKind {
  if (failure.httpStatus === 401) return 'auth';
  if (failure.serverCode !== undefined)
    return (
      KIND_BY_CODE[failure.serverCode] ??
      (failure.httpStatus !== undefined &&
      failure.httpStatus >= 500 &&
      failure.serverCode === 'ErrorInternalServerError'
        ? 'transient'
        : 'bad-request')
    );
  if (failure.httpStatus === 403) return 'permission';
  if (failure.httpStatus === undefined || failure.httpStatus >= 500 || failure.httpStatus === 429) return 'transient';
  return 'bad-request';
}

/** A sentence an admin can act on; never contains the password (it is never in an error). */
export function failureInWords(failure: EwsFailure, url: string): string {
  const host = safeHost(url);
  if (failure.network === 'dns') return `The server name ${host} could not be resolved (DNS): check the EWS URL.`;
  if (failure.network === 'tls')
    return `The TLS certificate of ${host} is not trusted (${failure.message}): add the organisation's CA bundle (PEM).`;
  if (failure.network === 'connect') return `${host} could not be reached (${failure.message}).`;
  if (failure.httpStatus === 401) return 'Exchange refused the username or password (HTTP 401).';
  if (failure.httpStatus === 404)
    return `No EWS endpoint at ${url} (HTTP 404): the EWS URL usually ends in /EWS/Exchange.asmx.`;
  if (failure.serverCode === 'ErrorImpersonateUserDenied')
    return 'The service account may not impersonate this mailbox: grant it the ApplicationImpersonation role.';
  if (failure.serverCode === 'ErrorNonExistentMailbox') return 'Exchange has no mailbox with this address.';
  if (failure.serverCode === 'ErrorServerBusy') return 'Exchange is busy and asked us to wait (ErrorServerBusy).';
  if (failure.httpStatus === 503) return 'Exchange is overloaded (HTTP 503).';
  const code = failure.serverCode ?? (failure.httpStatus === undefined ? 'no answer' : `HTTP ${failure.httpStatus}`);
  return `Exchange answered ${code}${failure.message ? `: ${failure.message}` : ''}.`;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function toGatewayError(err: unknown, url: string): GatewayError {
  if (err instanceof GatewayError) return err;
  const failure = describeFailure(err);
  return new GatewayError(kindOf(failure), failureInWords(failure, url), failure.serverCode, failure.backOffMs);
}
