import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Authenticator } from '../auth/authenticator';
import type { ExchangeModelApi, Mailbox } from '../model/api';
import { isEwsError } from '../model/errors';
import type { Operation, OperationContext } from '../operations/context';
import { errorMessage, responseWithMessages } from '../operations/responses';
import { responseEnvelope, serverBusyFault, SoapFault } from '../soap/envelope';
import { atLeast2010Sp1, atLeast2013, parseEwsRequest, schemaValidationFault, type EwsRequest } from '../soap/request';
import type { EwsSchemaValidator } from '../soap/schema';
import { KNOWN_REQUEST_VERSIONS, type ServerProfile } from '../soap/serverVersion';
import { readBody } from './listener';

export interface EwsEndpointOptions {
  /** The Exchange release played: version header, accepted RequestServerVersion values, schema. */
  readonly profile: ServerProfile;
  model: ExchangeModelApi;
  authenticator: Authenticator<Mailbox>;
  operations: ReadonlyMap<string, Operation>;
  validator?: EwsSchemaValidator;
  recordResponse: (operation: string, bodyXml: string) => void;
  recordRequest: (operation: string, bodyXml: string) => void;
  shutdownSignal: AbortSignal;
}

const MAX_BODY_BYTES = 35 * 1024 * 1024;
// ErrorServerBusy back-off when the per-account concurrency budget is used up.
const CONCURRENCY_BACKOFF_MS = 5000;

function iisHeaders(res: ServerResponse): void {
  res.setHeader('Server', 'Microsoft-IIS/10.0');
  res.setHeader('X-Powered-By', 'ASP.NET');
  res.setHeader('request-id', randomUUID());
  res.setHeader('X-FEServer', 'EXSIM01');
  res.setHeader('X-BEServer', 'EXSIM01');
}

function sendXml(res: ServerResponse, status: number, xml: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/xml; charset=utf-8');
  res.setHeader('X-AspNet-Version', '4.0.30319');
  res.end(xml);
}

function sendUnauthorized(res: ServerResponse, wwwAuthenticate: string[]): void {
  res.statusCode = 401;
  res.setHeader('WWW-Authenticate', wwwAuthenticate);
  res.setHeader('Content-Type', 'text/html');
  res.end(
    '<html><head><title>401 - Unauthorized</title></head><body><h1>401 - Unauthorized: Access is denied due to invalid credentials.</h1></body></html>',
  );
}

function send503(res: ServerResponse): void {
  res.statusCode = 503;
  res.setHeader('Content-Type', 'text/html; charset=us-ascii');
  res.setHeader('Retry-After', '5');
  res.end(
    '<HTML><HEAD><TITLE>Service Unavailable</TITLE></HEAD><BODY><h2>Service Unavailable</h2><hr><p>HTTP Error 503. The service is unavailable.</p></BODY></HTML>',
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class EwsEndpoint {
  constructor(private readonly o: EwsEndpointOptions) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    iisHeaders(res);
    // The body is read before answering, also for a 401, so the keep-alive connection stays usable.
    const raw = await readBody(req, MAX_BODY_BYTES);
    const auth = this.o.authenticator.authenticate(req);
    if (!auth.ok) {
      sendUnauthorized(res, auth.wwwAuthenticate);
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end('<html><head><title>Service</title></head><body>You have created a service.</body></html>');
      return;
    }
    if (req.method !== 'POST') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD, POST');
      res.end();
      return;
    }
    try {
      await this.dispatch(auth.account, raw.toString('utf8'), res);
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof SoapFault) {
        sendXml(res, 500, err.toEnvelope());
        return;
      }
      if (isEwsError(err)) {
        sendXml(res, 500, new SoapFault(err.responseCode, err.messageText).toEnvelope());
        return;
      }
      throw err;
    }
  }

  private async dispatch(caller: Mailbox, text: string, res: ServerResponse): Promise<void> {
    const request = parseEwsRequest(text);
    this.o.recordRequest(request.operation, request.bodyXml);
    const { model } = this.o;
    model.countRequest(request.operation, caller.smtp);
    await this.validate(request);
    this.checkFieldsKnown(request);
    const operation = this.o.operations.get(request.operation);
    if (!operation) throw unknownOperationFault(request.operation);
    const serverVersion = this.checkVersion(request, operation);
    const actor = this.resolveActor(caller, request);

    const faults = model.decideFaults({ operation: request.operation, account: caller.smtp, mailbox: actor });
    if (faults.http503) {
      send503(res);
      return;
    }
    if (faults.serverBusyBackOffMs !== undefined) throw serverBusyFault(faults.serverBusyBackOffMs);
    const release = model.acquireRequestSlot(caller.smtp);
    if (!release) throw serverBusyFault(CONCURRENCY_BACKOFF_MS);

    const ctx: OperationContext = {
      model,
      caller,
      actor,
      serverVersion,
      serverInfo: this.o.profile.info,
      timeZoneId: request.timeZoneId,
      recordResponse: this.o.recordResponse,
      shutdownSignal: this.o.shutdownSignal,
    };
    try {
      // Added latency is server time: the request holds its concurrency slot meanwhile.
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      if (faults.mailboxMoveInProgress) {
        if (!RESPONSE_MESSAGE_OPERATIONS.has(request.operation)) {
          throw new SoapFault('ErrorMailboxMoveInProgress', 'Mailbox move in progress. Try again later.');
        }
        const body = mailboxMoveResponse(request.operation);
        this.o.recordResponse(request.operation, body);
        sendXml(res, 200, responseEnvelope(body, this.o.profile.info));
        return;
      }
      if (operation.kind === 'streaming') {
        // A hanging connection does not hold a concurrency slot (HangingConnectionLimit is separate).
        release();
        await operation.handle(ctx, request.body, res, { dropStream: faults.dropStream });
        return;
      }
      const body = await operation.handle(ctx, request.body);
      this.o.recordResponse(request.operation, body);
      sendXml(res, 200, responseEnvelope(body, this.o.profile.info));
    } finally {
      // Idempotent: a streaming request has already given its slot back.
      release();
    }
  }

  private async validate(request: EwsRequest): Promise<void> {
    if (!this.o.validator) return;
    const outcome = await this.o.validator.validate(request.bodyXml);
    if (!outcome.valid) throw schemaValidationFault(outcome.errors.join(' '));
  }

  private checkVersion(request: EwsRequest, operation: Operation): string {
    const version = request.requestServerVersion ?? 'Exchange2007_SP1';
    const { acceptedVersions, release } = this.o.profile;
    if (!acceptedVersions.includes(version)) {
      // An older release's Types.xsd does not list newer values: the header fails schema validation.
      if (release !== 'Exchange2019' && atLeastKnown(version)) throw versionNotInSchemaFault(version);
      throw new SoapFault('ErrorInvalidServerVersion', 'The specified server version is invalid.');
    }
    if (operation.kind === 'streaming' && !atLeast2010Sp1(version)) {
      throw new SoapFault('ErrorInvalidServerVersion', 'The specified server version is invalid.');
    }
    if (request.operation === 'FindPeople' && !atLeast2013(version)) {
      throw new SoapFault(
        'ErrorInvalidServerVersion',
        'The request is valid but does not specify the correct server version in the RequestServerVersion SOAP header.',
      );
    }
    return version;
  }

  private checkFieldsKnown(request: EwsRequest): void {
    if (this.o.profile.unknownOperations.includes(request.operation)) {
      throw schemaValidationFault(
        `The element '${request.operation}' in namespace 'http://schemas.microsoft.com/exchange/services/2006/messages' is not expected.`,
      );
    }
    for (const uri of this.o.profile.unknownFieldUris) {
      if (request.bodyXml.includes(`"${uri}"`)) {
        throw schemaValidationFault(
          `The 'FieldURI' attribute is invalid - The value '${uri}' is invalid according to its datatype ` +
            `'http://schemas.microsoft.com/exchange/services/2006/types:UnindexedFieldURIType' - The Enumeration constraint failed.`,
        );
      }
    }
  }

  private resolveActor(caller: Mailbox, request: EwsRequest): string {
    const imp = request.impersonation;
    if (!imp) return caller.smtp;
    if (imp.kind === 'malformed') {
      throw new SoapFault(
        'ErrorInvalidExchangeImpersonationHeaderData',
        'The impersonation header data is invalid. ConnectingSID must hold exactly one of PrincipalName, SID, PrimarySmtpAddress or SmtpAddress.',
      );
    }
    if (!caller.impersonationGranted) {
      throw new SoapFault(
        'ErrorImpersonateUserDenied',
        'The account does not have permission to impersonate the requested user.',
      );
    }
    const { model } = this.o;
    const target =
      imp.kind === 'SID'
        ? model.findMailboxBySid(imp.value)
        : imp.kind === 'PrincipalName'
          ? model.findMailboxByLogin(imp.value)
          : model.findMailbox(imp.value);
    if (!target) {
      throw new SoapFault(
        'ErrorNonExistentMailbox',
        `The SMTP address has no mailbox associated with it.`,
        `<t:Value Name="SmtpAddress">${imp.value.replace(/[&<>]/g, '')}</t:Value>`,
      );
    }
    return target.smtp;
  }
}

function unknownOperationFault(operation: string): SoapFault {
  // What WCF, under EWS, answers for a body element no operation contract matches.
  return new SoapFault(
    'ErrorInvalidRequest',
    `The request is invalid: the operation '${operation}' is not supported.`,
    undefined,
    'a:ErrorInvalidRequest',
  );
}

/** Operations whose response is `<m:XResponse><m:ResponseMessages><m:XResponseMessage>`. */
const RESPONSE_MESSAGE_OPERATIONS = new Set([
  'GetFolder',
  'FindFolder',
  'GetItem',
  'FindItem',
  'CreateItem',
  'UpdateItem',
  'DeleteItem',
  'SyncFolderItems',
  'Subscribe',
  'GetEvents',
  'Unsubscribe',
  'ResolveNames',
  'ConvertId',
]);

function mailboxMoveResponse(operation: string): string {
  return responseWithMessages(operation, [
    errorMessage(`${operation}ResponseMessage`, {
      responseCode: 'ErrorMailboxMoveInProgress',
      messageText: 'Mailbox move in progress. Try again later.',
    }),
  ]);
}

const atLeastKnown = (version: string): boolean => KNOWN_REQUEST_VERSIONS.includes(version);

function versionNotInSchemaFault(version: string): SoapFault {
  return schemaValidationFault(
    `The 'Version' attribute is invalid - The value '${version}' is invalid according to its datatype ` +
      `'http://schemas.microsoft.com/exchange/services/2006/types:ExchangeVersionType' - The Enumeration constraint failed.`,
  );
}
