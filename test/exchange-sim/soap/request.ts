import { KNOWN_REQUEST_VERSIONS } from './serverVersion';
import {
  child,
  elementChildren,
  firstElementChild,
  parseXml,
  serialize,
  textOf,
  XmlParseError,
  type Element,
} from './dom';
import { SoapFault } from './envelope';
import { NS } from './xml';

/** The parts of a SOAP request that EWS reads before dispatching. */

export type ImpersonationHeader =
  | { readonly kind: 'SmtpAddress' | 'PrimarySmtpAddress' | 'PrincipalName' | 'SID'; readonly value: string }
  | { readonly kind: 'malformed' };

export interface EwsRequest {
  readonly operation: string;
  readonly body: Element;
  /** The body element alone, with its namespace declarations, for schema validation. */
  readonly bodyXml: string;
  readonly requestServerVersion?: string;
  readonly impersonation?: ImpersonationHeader;
  readonly timeZoneId?: string;
}

export function schemaValidationFault(detail: string): SoapFault {
  return new SoapFault(
    'ErrorSchemaValidation',
    `The request failed schema validation: ${detail}`,
    `<t:LineNumber>1</t:LineNumber><t:LinePosition>1</t:LinePosition><t:Violation>${detail.replace(/[&<>]/g, ' ')}</t:Violation>`,
  );
}

const IMPERSONATION_KINDS = ['SmtpAddress', 'PrimarySmtpAddress', 'PrincipalName', 'SID'] as const;

function readImpersonation(header: Element | undefined): ImpersonationHeader | undefined {
  const impersonation = child(header, NS.t, 'ExchangeImpersonation');
  if (!impersonation) return undefined;
  const sid = child(impersonation, NS.t, 'ConnectingSID');
  if (!sid) return { kind: 'malformed' };
  const parts = elementChildren(sid);
  const first = parts[0];
  if (parts.length !== 1 || !first || first.namespaceURI !== NS.t) return { kind: 'malformed' };
  const kind = IMPERSONATION_KINDS.find((k) => k === first.localName);
  const value = (textOf(first) ?? '').trim();
  if (!kind || value === '') return { kind: 'malformed' };
  return { kind, value };
}

export function parseEwsRequest(text: string): EwsRequest {
  let doc;
  try {
    doc = parseXml(text);
  } catch (err) {
    if (err instanceof XmlParseError) throw schemaValidationFault(`The request is not well-formed XML: ${err.message}`);
    throw err;
  }
  const envelope = doc.documentElement;
  if (!envelope || envelope.namespaceURI !== NS.soap || envelope.localName !== 'Envelope') {
    throw schemaValidationFault('The root element must be a SOAP 1.1 Envelope.');
  }
  const header = child(envelope, NS.soap, 'Header');
  const bodyWrapper = child(envelope, NS.soap, 'Body');
  const body = bodyWrapper ? firstElementChild(bodyWrapper) : undefined;
  if (!body) throw schemaValidationFault('The SOAP Body is empty.');
  const version = child(header, NS.t, 'RequestServerVersion');
  const tzDefinition = child(child(header, NS.t, 'TimeZoneContext'), NS.t, 'TimeZoneDefinition');
  return {
    operation: body.localName ?? '',
    body,
    bodyXml: serialize(body),
    requestServerVersion: version?.getAttribute('Version') ?? undefined,
    impersonation: readImpersonation(header),
    timeZoneId: tzDefinition?.getAttribute('Id') ?? undefined,
  };
}

/** True when `version` is at least Exchange2010_SP1 (streaming notifications need it). */
export function atLeast2013(version: string): boolean {
  return KNOWN_REQUEST_VERSIONS.indexOf(version) >= KNOWN_REQUEST_VERSIONS.indexOf('Exchange2013');
}

export function atLeast2010Sp1(version: string): boolean {
  return KNOWN_REQUEST_VERSIONS.indexOf(version) >= KNOWN_REQUEST_VERSIONS.indexOf('Exchange2010_SP1');
}
