import type { EwsErrorShape, EwsResponseCode } from './api';

/** A model failure with the EWS ResponseCode the protocol half puts on the wire. */
export class EwsError extends Error implements EwsErrorShape {
  readonly responseCode: EwsResponseCode;
  readonly messageText: string;
  readonly messageXml?: Readonly<Record<string, string>>;

  constructor(responseCode: EwsResponseCode, messageText: string, messageXml?: Readonly<Record<string, string>>) {
    super(`${responseCode}: ${messageText}`);
    this.name = 'EwsError';
    this.responseCode = responseCode;
    this.messageText = messageText;
    if (messageXml) this.messageXml = messageXml;
  }
}

export function isEwsError(value: unknown): value is EwsError {
  return value instanceof EwsError;
}
