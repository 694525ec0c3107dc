import type { ServerVersionInfo } from './serverVersion';
import { el, escapeText, leaf, NS } from './xml';

function serverVersionHeader(info: ServerVersionInfo): string {
  return el('h:ServerVersionInfo', {
    ...info,
    'xmlns:h': NS.t,
    xmlns: NS.t,
    'xmlns:xsd': NS.xsd,
    'xmlns:xsi': NS.xsi,
  });
}

/** A full response envelope around one body element (which declares its own m:/t: prefixes). */
export function responseEnvelope(bodyElement: string, info: ServerVersionInfo): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<s:Envelope xmlns:s="${NS.soap}">` +
    `<s:Header>${serverVersionHeader(info)}</s:Header>` +
    `<s:Body xmlns:xsi="${NS.xsi}" xmlns:xsd="${NS.xsd}">${bodyElement}</s:Body>` +
    '</s:Envelope>'
  );
}

/**
 * The envelope as Exchange writes it inside a GetStreamingEvents chunked response: an
 * unprefixed `<Envelope>` in the SOAP namespace.
 */
export function streamingEnvelope(bodyElement: string, info: ServerVersionInfo): string {
  return (
    `<Envelope xmlns="${NS.soap}">` +
    `<soap11:Header xmlns:soap11="${NS.soap}">${serverVersionHeader(info)}</soap11:Header>` +
    `<soap11:Body xmlns:soap11="${NS.soap}">${bodyElement}</soap11:Body>` +
    '</Envelope>'
  );
}

/** Opening tag of a response body element with the namespaces Exchange declares on it. */
export function bodyElement(name: string, ...children: (string | undefined)[]): string {
  return el(`m:${name}`, { 'xmlns:m': NS.m, 'xmlns:t': NS.t }, ...children);
}

export interface FaultDetail {
  responseCode: string;
  message: string;
  /** Raw `<t:...>` children of MessageXml, already serialised. */
  messageXml?: string;
  faultCode?: string;
}

/** A request-level error: HTTP 500 with a SOAP 1.1 fault shaped as Exchange writes it. */
export function faultEnvelope(d: FaultDetail): string {
  const faultCode = d.faultCode ?? `a:${d.responseCode}`;
  const messageXml = d.messageXml ? el('t:MessageXml', { 'xmlns:t': NS.t }, d.messageXml) : undefined;
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<s:Envelope xmlns:s="${NS.soap}">` +
    '<s:Body><s:Fault>' +
    `<faultcode xmlns:a="${NS.t}">${escapeText(faultCode)}</faultcode>` +
    leaf('faultstring', d.message, { 'xml:lang': 'en-US' }) +
    el(
      'detail',
      undefined,
      leaf('e:ResponseCode', d.responseCode, { 'xmlns:e': NS.e }),
      leaf('e:Message', d.message, { 'xmlns:e': NS.e }),
      messageXml,
    ) +
    '</s:Fault></s:Body></s:Envelope>'
  );
}

/** Error raised while handling a request that must become a SOAP fault (HTTP 500). */
export class SoapFault extends Error {
  readonly code: string;
  constructor(
    readonly responseCode: string,
    message: string,
    readonly messageXml?: string,
    readonly faultCode?: string,
  ) {
    super(message);
    this.code = responseCode;
  }

  toEnvelope(): string {
    return faultEnvelope({
      responseCode: this.responseCode,
      message: this.message,
      messageXml: this.messageXml,
      faultCode: this.faultCode,
    });
  }
}

export function serverBusyFault(backOffMs: number): SoapFault {
  return new SoapFault(
    'ErrorServerBusy',
    'The server cannot service this request right now. Try again later.',
    leaf('t:Value', backOffMs, { Name: 'BackOffMilliseconds' }),
  );
}
