import type { ServerResponse } from 'node:http';
import type { Element } from '../soap/dom';
import type { ServerVersionInfo } from '../soap/serverVersion';
import type { ExchangeModelApi, Mailbox } from '../model/api';

/** Everything an operation needs to answer one EWS request. */
export interface OperationContext {
  readonly model: ExchangeModelApi;
  /** The authenticated account. */
  readonly caller: Mailbox;
  /** Effective mailbox smtp: the impersonated one, else the caller's own. */
  readonly actor: string;
  /** RequestServerVersion Version, e.g. `Exchange2013_SP1`. */
  readonly serverVersion: string;
  /** The ServerVersionInfo header of every response (streamed ones too). */
  readonly serverInfo: ServerVersionInfo;
  /** TimeZoneContext TimeZoneDefinition Id (a Windows zone id), when the request gave one. */
  readonly timeZoneId?: string;
  /** Streaming envelopes and response bodies go through here so tests can check them. */
  readonly recordResponse: (operation: string, bodyXml: string) => void;
  /** Raised when the connection of a long-lived request must end (server closing, reset). */
  readonly shutdownSignal: AbortSignal;
}

/** A regular operation: returns the response body element (e.g. `<m:GetItemResponse ...>`). */
export interface UnaryOperation {
  readonly kind: 'unary';
  readonly handle: (ctx: OperationContext, request: Element) => string | Promise<string>;
}

/** GetStreamingEvents: writes a chunked response itself. */
export interface StreamingOperation {
  readonly kind: 'streaming';
  readonly handle: (
    ctx: OperationContext,
    request: Element,
    res: ServerResponse,
    options: { dropStream: boolean },
  ) => Promise<void>;
}

export type Operation = UnaryOperation | StreamingOperation;
