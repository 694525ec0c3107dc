import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import forge from 'node-forge';
import { readBody } from '../http/listener';
import type { ExchangeModelApi } from '../model/api';

/**
 * Exchange user identity tokens, as Outlook's getUserIdentityTokenAsync returns them, and the
 * authentication metadata document (`/autodiscover/metadata/json/1`) that publishes the signing
 * certificate. Shapes follow Microsoft's "Inside the Exchange identity token" and what Exchange
 * 2013–2019 serve; see docs/exchange-sim.md.
 */

/** Exchange's well-known application principal; `iss` and `appctxsender` are `<this>@<host>`. */
export const EXCHANGE_PRINCIPAL = '00000002-0000-0ff1-ce00-000000000000';
export const METADATA_PATH = '/autodiscover/metadata/json/1';
export const MINT_PATH = '/sim/identity-token';
/** Exchange issues identity tokens for 8 hours. */
const TOKEN_LIFETIME_S = 8 * 3600;

export interface MintIdentityTokenInput {
  /** SMTP address of the signed-in mailbox. */
  readonly mailbox: string;
  /** The add-in's first FormSettings SourceLocation URL. */
  readonly audience: string;
  /** Tests only: a different `amurl` (e.g. on a host the relying party must not trust). */
  readonly amurl?: string;
  /** Tests only: the issue instant (epoch ms); default the simulator's clock. */
  readonly issuedAt?: number;
  /** Tests only: seconds between nbf and exp; default 8 hours. */
  readonly lifetimeSeconds?: number;
}

/** What the simulator offers tests and the fake Office host. */
export interface SimIdentity {
  /** The metadata document's URL, i.e. the `amurl` of minted tokens. */
  metadataUrl(): string;
  mint(input: MintIdentityTokenInput): string;
  /** How often the metadata document was requested over HTTP. */
  metadataRequests(): number;
}

export class IdentityTokenError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface SigningKey {
  readonly privateKeyPem: string;
  readonly certDerBase64: string;
  readonly x5t: string;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** A self-signed signing certificate, as Exchange's "Microsoft Exchange Server Auth Certificate". */
function createSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomUUID().replace(/-/g, '')}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 24 * 3600_000);
  cert.validity.notAfter = new Date(now + 5 * 365 * 24 * 3600_000);
  const subject = [{ name: 'commonName', value: 'Microsoft Exchange Server Auth Certificate' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  // x5t: base64url of the certificate's SHA-1 thumbprint (RFC 7515 §4.1.7).
  return {
    privateKeyPem: privateKey,
    certDerBase64: der.toString('base64'),
    x5t: base64url(createHash('sha1').update(der).digest()),
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(value));
}

/** Issues tokens for the model's mailboxes and serves the metadata document. */
export class SimIdentityIssuer implements SimIdentity {
  private key: SigningKey | undefined;
  private requests = 0;

  constructor(
    private readonly model: ExchangeModelApi,
    /** Scheme, host and port the simulator listens on (known once it listens). */
    private readonly baseUrl: () => string,
  ) {}

  /** Generated on first use: most simulator runs never sign a token. */
  private signingKey(): SigningKey {
    this.key ??= createSigningKey();
    return this.key;
  }

  metadataUrl(): string {
    return `${this.baseUrl()}${METADATA_PATH}`;
  }

  metadataRequests(): number {
    return this.requests;
  }

  /** The document as Exchange publishes it (trimmed to what relying parties read). */
  metadataDocument(): unknown {
    const key = this.signingKey();
    return {
      id: `_${EXCHANGE_PRINCIPAL}`,
      version: '1.0',
      name: 'Exchange',
      realm: '*',
      serviceName: EXCHANGE_PRINCIPAL,
      issuer: `${EXCHANGE_PRINCIPAL}@*`,
      allowedAudiences: [`${EXCHANGE_PRINCIPAL}@*`],
      keys: [
        {
          usage: 'signing',
          keyinfo: { x5t: key.x5t },
          keyvalue: { type: 'x509Certificate', value: key.certDerBase64 },
        },
      ],
      endpoints: [{ location: this.metadataUrl(), protocol: 'OAuth2', usage: 'metadata' }],
    };
  }

  mint(input: MintIdentityTokenInput): string {
    const mailbox = this.model.findMailbox(input.mailbox);
    if (!mailbox) throw new IdentityTokenError('NO_MAILBOX', `No mailbox ${input.mailbox}.`);
    if (input.audience.trim() === '') throw new IdentityTokenError('BAD_AUDIENCE', 'audience must not be empty.');
    const key = this.signingKey();
    const host = new URL(this.baseUrl()).hostname;
    const issuedAt = Math.floor((input.issuedAt ?? this.model.clock.now()) / 1000);
    const sender = `${EXCHANGE_PRINCIPAL}@${host}`;
    const header = { typ: 'JWT', alg: 'RS256', x5t: key.x5t };
    // Exchange writes nbf/exp as strings and appctx as a JSON string inside the JSON payload.
    const payload = {
      aud: input.audience,
      iss: sender,
      nbf: String(issuedAt),
      exp: String(issuedAt + (input.lifetimeSeconds ?? TOKEN_LIFETIME_S)),
      appctxsender: sender,
      isbrowserhostedapp: 'true',
      appctx: JSON.stringify({
        msexchuid: mailbox.identityTokenUid === 'mailboxGuid' ? mailbox.mailboxGuid : `${mailbox.mailboxGuid}@${host}`,
        version: 'ExIdTok.V1',
        amurl: input.amurl ?? this.metadataUrl(),
      }),
    };
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    const signature = sign('RSA-SHA256', Buffer.from(signingInput), key.privateKeyPem);
    return `${signingInput}.${base64url(signature)}`;
  }

  /** GET /autodiscover/metadata/json/1 (anonymous, as in Exchange). */
  serveMetadata(res: ServerResponse): void {
    this.requests += 1;
    sendJson(res, 200, this.metadataDocument());
  }

  /** POST /sim/identity-token `{ mailbox, audience }` → `{ token }` (control API, not Exchange). */
  async serveMint(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'METHOD', message: `Use POST ${MINT_PATH}.` });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8'));
    } catch {
      sendJson(res, 400, { error: 'BAD_JSON', message: 'The body is not JSON.' });
      return;
    }
    const { mailbox, audience } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof mailbox !== 'string' || typeof audience !== 'string') {
      sendJson(res, 400, { error: 'BAD_REQUEST', message: 'Send { "mailbox": smtp, "audience": url }.' });
      return;
    }
    try {
      sendJson(res, 200, { token: this.mint({ mailbox, audience }) });
    } catch (err) {
      if (!(err instanceof IdentityTokenError)) throw err;
      sendJson(res, err.code === 'NO_MAILBOX' ? 404 : 400, { error: err.code, message: err.message });
    }
  }
}
