import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import {
  createChallenge,
  isNtlmToken,
  NtlmMessageError,
  parseAuthenticate,
  parseNegotiate,
  readMessageType,
  verifyNtlmV2,
  type ServerNames,
} from './ntlm';

/**
 * IIS-style authentication for /EWS: Basic per request, NTLM per TCP connection. A connection
 * that completed the NTLM handshake stays authenticated for its later requests.
 */

export interface AuthAccount {
  readonly password: string;
}

/** Finds an account by a logon name: `DOMAIN\user`, `user@domain` or a bare `user`. */
export type LogonLookup<A> = (login: string) => A | undefined;

export interface AuthOptions {
  basic: boolean;
  ntlm: boolean;
  realm: string;
  names: ServerNames;
  now: () => number;
}

export type AuthOutcome<A> =
  { ok: true; account: A; scheme: 'Basic' | 'NTLM' } | { ok: false; wwwAuthenticate: string[]; reason: string };

type SocketState<A> =
  | { phase: 'challenged'; scheme: 'NTLM' | 'Negotiate'; serverChallenge: Buffer; unicode: boolean }
  | { phase: 'authenticated'; account: A };

export class Authenticator<A extends AuthAccount> {
  private readonly sockets = new WeakMap<Socket, SocketState<A>>();

  constructor(
    private readonly lookup: LogonLookup<A>,
    private readonly options: AuthOptions,
  ) {}

  private offered(): string[] {
    const offers: string[] = [];
    if (this.options.ntlm) offers.push('Negotiate', 'NTLM');
    if (this.options.basic) offers.push(`Basic realm="${this.options.realm}"`);
    return offers;
  }

  private deny(reason: string): AuthOutcome<A> {
    return { ok: false, wwwAuthenticate: this.offered(), reason };
  }

  authenticate(req: IncomingMessage): AuthOutcome<A> {
    const header = req.headers.authorization;
    const socket = req.socket;
    if (!header) {
      const state = this.sockets.get(socket);
      if (state?.phase === 'authenticated') return { ok: true, account: state.account, scheme: 'NTLM' };
      return this.deny('no credentials');
    }
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const token = space < 0 ? '' : header.slice(space + 1).trim();
    if (scheme === 'basic' && this.options.basic) return this.basic(token);
    if ((scheme === 'ntlm' || scheme === 'negotiate') && this.options.ntlm) {
      return this.ntlm(socket, scheme === 'ntlm' ? 'NTLM' : 'Negotiate', token);
    }
    return this.deny(`scheme ${scheme} not enabled`);
  }

  private basic(token: string): AuthOutcome<A> {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return this.deny('malformed Basic credentials');
    const account = this.lookup(decoded.slice(0, colon));
    if (!account || account.password !== decoded.slice(colon + 1)) return this.deny('wrong Basic credentials');
    return { ok: true, account, scheme: 'Basic' };
  }

  private ntlm(socket: Socket, scheme: 'NTLM' | 'Negotiate', token: string): AuthOutcome<A> {
    // Kerberos / SPNEGO-wrapped tokens are not simulated: only raw NTLMSSP inside either scheme.
    if (!isNtlmToken(token)) return this.deny('not an NTLMSSP token');
    try {
      const type = readMessageType(token);
      if (type === 1) {
        const challenge = createChallenge(parseNegotiate(token), this.options.names, this.options.now());
        this.sockets.set(socket, {
          phase: 'challenged',
          scheme,
          serverChallenge: challenge.serverChallenge,
          unicode: challenge.unicode,
        });
        return { ok: false, wwwAuthenticate: [`${scheme} ${challenge.header}`], reason: 'NTLM challenge sent' };
      }
      if (type === 3) return this.ntlmAuthenticate(socket, token);
      return this.deny(`unexpected NTLM message type ${type}`);
    } catch (err) {
      if (err instanceof NtlmMessageError) return this.deny(err.message);
      throw err;
    }
  }

  private ntlmAuthenticate(socket: Socket, token: string): AuthOutcome<A> {
    const state = this.sockets.get(socket);
    this.sockets.delete(socket);
    if (state?.phase !== 'challenged') return this.deny('NTLM type 3 without a challenge on this connection');
    const message = parseAuthenticate(token, state.unicode);
    if (message.user === '') return this.deny('anonymous NTLM logon');
    const account = this.lookup(message.domain === '' ? message.user : `${message.domain}\\${message.user}`);
    if (!account || !verifyNtlmV2(message, account.password, state.serverChallenge)) {
      return this.deny('wrong NTLM credentials');
    }
    this.sockets.set(socket, { phase: 'authenticated', account });
    return { ok: true, account, scheme: 'NTLM' };
  }
}
