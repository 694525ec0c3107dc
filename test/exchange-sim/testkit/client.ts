import { createType1Message, createType3Message, decodeType2Message } from '@ewsjs/ntlm-client';
import http from 'node:http';
import https from 'node:https';
import { parseXml, type Element } from '../soap/dom';
import { NS } from '../soap/xml';

/** A raw SOAP client for tests: it builds envelopes by hand and speaks Basic or NTLM. */

export interface Credentials {
  user: string;
  password: string;
  scheme?: 'basic' | 'ntlm';
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Header lines as sent, [name, value, name, value, ...]. */
  rawHeaders: string[];
  text: string;
}

export interface SoapOptions {
  version?: string | null;
  impersonation?: string;
  extraHeaderXml?: string;
  httpHeaders?: Record<string, string>;
}

export function envelope(bodyXml: string, o: SoapOptions = {}): string {
  const version = o.version === null ? '' : `<t:RequestServerVersion Version="${o.version ?? 'Exchange2013_SP1'}"/>`;
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${NS.soap}" xmlns:t="${NS.t}" xmlns:m="${NS.m}">` +
    `<soap:Header>${version}${o.impersonation ?? ''}${o.extraHeaderXml ?? ''}</soap:Header>` +
    `<soap:Body>${bodyXml}</soap:Body></soap:Envelope>`
  );
}

export function impersonate(smtp: string, kind = 'PrimarySmtpAddress'): string {
  return `<t:ExchangeImpersonation><t:ConnectingSID><t:${kind}>${smtp}</t:${kind}></t:ConnectingSID></t:ExchangeImpersonation>`;
}

export class RawClient {
  readonly agent: http.Agent;
  constructor(
    readonly url: string,
    ca?: string,
  ) {
    this.agent = url.startsWith('https')
      ? new https.Agent({ keepAlive: true, maxSockets: 1, ca })
      : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  close(): void {
    this.agent.destroy();
  }

  send(method: string, body: string, headers: Record<string, string>, target = this.url): Promise<RawResponse> {
    const lib = target.startsWith('https') ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(
        target,
        {
          method,
          agent: this.agent,
          headers: {
            'Content-Type': 'text/xml; charset=utf-8',
            ...headers,
            'Content-Length': String(Buffer.byteLength(body)),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              rawHeaders: res.rawHeaders,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** NTLM over `NTLM` or raw NTLMSSP inside `Negotiate`, on this client's one connection. */
  async ntlmHandshake(c: Credentials, scheme: 'NTLM' | 'Negotiate' = 'NTLM'): Promise<void> {
    const slash = c.user.indexOf('\\');
    const domain = slash > 0 ? c.user.slice(0, slash) : '';
    const user = slash > 0 ? c.user.slice(slash + 1) : c.user;
    const withScheme = (message: string): string => message.replace(/^NTLM /, `${scheme} `);
    const first = await this.send('GET', '', { Authorization: withScheme(createType1Message('WS01', domain)) });
    const header = [first.headers['www-authenticate']].flat().find((h) => h?.startsWith(`${scheme} `));
    if (first.status !== 401 || !header) throw new Error(`expected an ${scheme} challenge, got ${first.status}`);
    const type2 = decodeType2Message(header.replace(/^Negotiate /, 'NTLM '));
    const type3 = createType3Message(type2, user, c.password, 'WS01', domain);
    const second = await this.send('GET', '', { Authorization: withScheme(type3) });
    if (second.status !== 200) throw new Error(`NTLM logon refused with ${second.status}`);
  }

  /** Posts a SOAP request. NTLM authenticates this client's single keep-alive connection first. */
  async soap(
    c: Credentials,
    bodyXml: string,
    o: SoapOptions = {},
  ): Promise<RawResponse & { body: Element | undefined }> {
    const headers: Record<string, string> = { ...(o.httpHeaders ?? {}) };
    if ((c.scheme ?? 'basic') === 'basic')
      headers.Authorization = `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}`;
    const res = await this.send('POST', envelope(bodyXml, o), headers);
    const isXml = String(res.headers['content-type'] ?? '').includes('xml');
    return { ...res, body: isXml ? bodyOf(res.text) : undefined };
  }
}

/** First element of soap:Body, or undefined when the response is not SOAP. */
export function bodyOf(text: string): Element | undefined {
  if (!text.trimStart().startsWith('<')) return undefined;
  const doc = parseXml(text);
  const body = doc.getElementsByTagNameNS(NS.soap, 'Body')[0];
  if (!body) return undefined;
  for (let n = body.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) return n as Element;
  return undefined;
}

/** All descendants with a local name, any namespace. */
export function all(e: Element | undefined, localName: string): Element[] {
  if (!e) return [];
  return Array.from(e.getElementsByTagNameNS('*', localName));
}

export function text(e: Element | undefined, localName: string): string | undefined {
  return all(e, localName)[0]?.textContent ?? undefined;
}
