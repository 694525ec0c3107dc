import { bodyElement } from '../soap/envelope';
import { el, leaf } from '../soap/xml';
import { isEwsError } from '../model/errors';

/** ResponseMessages as Exchange writes them: Success with content, or Error with text and code. */

export interface MessageError {
  readonly responseCode: string;
  readonly messageText: string;
  readonly messageXml?: Readonly<Record<string, string>>;
}

export class ProtocolError extends Error implements MessageError {
  readonly code: string;
  constructor(
    readonly responseCode: string,
    readonly messageText: string,
  ) {
    super(`${responseCode}: ${messageText}`);
    this.code = responseCode;
  }
}

export function toMessageError(err: unknown): MessageError {
  if (isEwsError(err)) return err;
  if (err instanceof ProtocolError) return err;
  throw err;
}

function messageXml(values: Readonly<Record<string, string>> | undefined): string | undefined {
  if (!values) return undefined;
  const entries = Object.entries(values);
  if (entries.length === 0) return undefined;
  return el('m:MessageXml', undefined, ...entries.map(([name, v]) => leaf('t:Value', v, { Name: name })));
}

export function successMessage(messageName: string, ...content: (string | undefined)[]): string {
  return el(`m:${messageName}`, { ResponseClass: 'Success' }, leaf('m:ResponseCode', 'NoError'), ...content);
}

export function warningMessage(
  messageName: string,
  code: string,
  text: string,
  ...content: (string | undefined)[]
): string {
  return el(
    `m:${messageName}`,
    { ResponseClass: 'Warning' },
    leaf('m:MessageText', text),
    leaf('m:ResponseCode', code),
    leaf('m:DescriptiveLinkKey', 0),
    ...content,
  );
}

export function errorMessage(messageName: string, error: MessageError, ...content: (string | undefined)[]): string {
  return el(
    `m:${messageName}`,
    { ResponseClass: 'Error' },
    leaf('m:MessageText', error.messageText),
    leaf('m:ResponseCode', error.responseCode),
    leaf('m:DescriptiveLinkKey', 0),
    messageXml(error.messageXml),
    ...content,
  );
}

/** `<m:XResponse><m:ResponseMessages>...</m:ResponseMessages></m:XResponse>` */
export function responseWithMessages(operation: string, messages: readonly string[]): string {
  return bodyElement(`${operation}Response`, el('m:ResponseMessages', undefined, ...messages));
}

/**
 * Runs `fn` per requested entry; model errors become Error response messages, as Exchange
 * answers each item of a batch independently.
 */
export function perEntry<T>(
  entries: readonly T[],
  messageName: string,
  fn: (entry: T) => string,
  errorContent?: () => string | undefined,
): string[] {
  return entries.map((entry) => {
    try {
      return fn(entry);
    } catch (err) {
      return errorMessage(messageName, toMessageError(err), errorContent?.());
    }
  });
}
