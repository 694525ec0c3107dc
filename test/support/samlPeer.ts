import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOMParser } from '@xmldom/xmldom';
import express from 'express';
import forge from 'node-forge';
import * as samlify from 'samlify';

/**
 * A real SAML 2.0 identity provider (samlify in IdP mode) set up like AD FS: it signs the assertion
 * only (AD FS's default), names people by upn and sends groups under AD FS's claim types. Its login
 * page accepts any login name from its people. A test can make the next answer differ, to play an
 * IdP signing the whole response, a forger, a stale or a misdirected answer.
 */

export interface SamlPerson {
  readonly upn: string;
  readonly name: string;
  readonly groups: readonly string[];
}

export interface ResponseTweaks {
  /** What the IdP signs: the assertion (AD FS default), the whole response only, or nothing. */
  readonly signing?: 'assertion' | 'response' | 'none';
  /** Signs with another key than the one in its metadata. */
  readonly otherKey?: boolean;
  /** The audience (and recipient) the answer is for; default Roomserve's entity ID. */
  readonly audience?: string;
  /** Shifts every time in the answer (negative: in the past). */
  readonly shiftMinutes?: number;
  readonly assertionId?: string;
  readonly inResponseTo?: string;
}

export interface SamlPeer {
  readonly entityId: string;
  readonly metadataUrl: string;
  readonly metadataXml: string;
  readonly people: Map<string, SamlPerson>;
  /** Applies to every answer until changed. */
  tweaks: ResponseTweaks;
  /** The last answer's fields, as the auto-posting page carries them (for replaying). */
  readonly lastAnswer: { SAMLResponse: string; RelayState: string } | undefined;
  close(): Promise<void>;
}

const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const UPN = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
const DISPLAY_NAME = 'http://schemas.microsoft.com/identity/claims/displayname';
const GROUP = 'http://schemas.xmlsoap.org/claims/Group';

/** samlify asks for a schema check of what it parses; this peer insists on well-formed XML. */
samlify.setSchemaValidator({
  validate: (xml: string) =>
    new Promise((resolve, reject) => {
      try {
        new DOMParser({
          onError: (level: string, message: string) => {
            if (level !== 'warning') throw new Error(message);
          },
        }).parseFromString(xml, 'text/xml');
        resolve('well-formed');
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }),
});

function selfSignedKey(commonName: string): { keyPem: string; certPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  cert.setSubject([{ name: 'commonName', value: commonName }]);
  cert.setIssuer([{ name: 'commonName', value: commonName }]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { keyPem: privateKey, certPem: forge.pki.certificateToPem(cert) };
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

function attributeStatement(person: SamlPerson): string {
  const attribute = (name: string, values: readonly string[]) =>
    `<saml:Attribute Name="${name}">${values
      .map((v) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(v)}</saml:AttributeValue>`)
      .join('')}</saml:Attribute>`;
  return `<saml:AttributeStatement>${attribute(UPN, [person.upn])}${attribute(DISPLAY_NAME, [person.name])}${
    person.groups.length > 0 ? attribute(GROUP, person.groups) : ''
  }</saml:AttributeStatement>`;
}

const page = (body: string, script = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Northwind sign-in</title></head><body>${body}${script}</body></html>`;

export async function startSamlPeer(options: {
  /** Roomserve's SP metadata, as an admin would import it into AD FS. */
  readonly spMetadataXml: string;
  readonly people: Map<string, SamlPerson>;
}): Promise<SamlPeer> {
  const own = selfSignedKey('Northwind ADFS Signing');
  const forger = selfSignedKey('Someone else');
  const app = express();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${base}/adfs/services/trust`;
  const idpSettings = (key: { keyPem: string; certPem: string }) => ({
    entityID: entityId,
    privateKey: key.keyPem,
    signingCert: key.certPem,
    wantAuthnRequestsSigned: false,
    nameIDFormat: ['urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'],
    singleSignOnService: [{ Binding: REDIRECT, Location: `${base}/adfs/ls/` }],
    singleLogoutService: [{ Binding: REDIRECT, Location: `${base}/adfs/ls/?wa=wsignout1.0` }],
  });
  const idp = samlify.IdentityProvider(idpSettings(own));
  const forgingIdp = samlify.IdentityProvider(idpSettings(forger));
  // Roomserve as AD FS knows it: imported from its metadata (asks for signed assertions).
  const sp = samlify.ServiceProvider({ metadata: options.spMetadataXml });
  const acsUrl = String(sp.entityMeta.getAssertionConsumerService('post'));
  const spEntityId = sp.entityMeta.getEntityID();
  // The same SP with "-SamlResponseSignature MessageOnly": the response signed, not the assertion.
  const spWholeResponse = samlify.ServiceProvider({
    entityID: spEntityId,
    assertionConsumerService: [{ Binding: POST, Location: acsUrl }],
    wantAssertionsSigned: false,
    wantMessageSigned: true,
  });

  const peer: SamlPeer & { lastAnswer: SamlPeer['lastAnswer'] } = {
    entityId,
    metadataUrl: `${base}/FederationMetadata/2007-06/FederationMetadata.xml`,
    metadataXml: idp.getMetadata(),
    people: options.people,
    tweaks: {},
    lastAnswer: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function values(person: SamlPerson, requestId: string): Record<string, string> {
    const t = peer.tweaks;
    const at = (minutes: number) => new Date(Date.now() + ((t.shiftMinutes ?? 0) + minutes) * 60_000).toISOString();
    const audience = t.audience ?? spEntityId;
    return {
      ID: `_${randomUUID()}`,
      AssertionID: t.assertionId ?? `_${randomUUID()}`,
      Destination: t.audience === undefined ? acsUrl : `${audience}/acs`,
      Audience: audience,
      SubjectRecipient: t.audience === undefined ? acsUrl : `${audience}/acs`,
      Issuer: entityId,
      IssueInstant: at(0),
      StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
      ConditionsNotBefore: at(-1),
      ConditionsNotOnOrAfter: at(60),
      SubjectConfirmationDataNotOnOrAfter: at(5),
      NameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      NameID: randomBytes(12).toString('base64'),
      InResponseTo: t.inResponseTo ?? requestId,
    };
  }

  /** The statements are XML: samlify escapes tag values, so they go into the template first. */
  function render(template: string, person: SamlPerson): string {
    const at = new Date(Date.now() + (peer.tweaks.shiftMinutes ?? 0) * 60_000).toISOString();
    return template
      .replace(
        '{AuthnStatement}',
        `<saml:AuthnStatement AuthnInstant="${at}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
      )
      .replace('{AttributeStatement}', attributeStatement(person));
  }

  async function answer(person: SamlPerson, requestId: string, relayState: string): Promise<string> {
    const tagValues = values(person, requestId);
    const signing = peer.tweaks.signing ?? 'assertion';
    if (signing === 'none') {
      const template = render(samlify.SamlLib.defaultLoginResponseTemplate.context, person);
      const xml = samlify.SamlLib.replaceTagsByValue(template, tagValues);
      return Buffer.from(xml).toString('base64');
    }
    const signer = peer.tweaks.otherKey ? forgingIdp : idp;
    const response = await signer.createLoginResponse(
      signing === 'response' ? spWholeResponse : sp,
      { extract: { request: { id: requestId } } },
      'post',
      { email: person.upn },
      {
        relayState,
        customTagReplacement: (template) => ({
          id: tagValues.ID ?? '',
          context: samlify.SamlLib.replaceTagsByValue(render(template, person), tagValues),
        }),
      },
    );
    return response.context;
  }

  app.get('/FederationMetadata/2007-06/FederationMetadata.xml', (_req, res) => {
    res.type('application/samlmetadata+xml').send(peer.metadataXml);
  });

  // The sign-in page: the AuthnRequest is parsed (and so checked) before anyone is asked to sign in.
  app.get('/adfs/ls/', async (req, res) => {
    try {
      const query = req.query as Record<string, string>;
      const parsed = await idp.parseLoginRequest(sp, 'redirect', { query });
      const requestId = String((parsed.extract as { request: { id: string } }).request.id);
      res
        .type('html')
        .send(
          page(
            `<h1>Northwind sign-in</h1><form method="post" action="/adfs/ls/">` +
              `<label>User name <input name="login" autocomplete="username"></label>` +
              `<label>Password <input name="password" type="password"></label>` +
              `<input type="hidden" name="requestId" value="${escapeXml(requestId)}">` +
              `<input type="hidden" name="RelayState" value="${escapeXml(query.RelayState ?? '')}">` +
              `<button type="submit">Sign in</button></form>`,
          ),
        );
    } catch (err) {
      res
        .status(400)
        .type('text')
        .send(`Bad AuthnRequest: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  // Signed in: the page posts the answer to the SP's ACS (HTTP-POST binding), as AD FS's page does.
  app.post('/adfs/ls/', express.urlencoded({ extended: false }), async (req, res) => {
    const form = req.body as Record<string, string>;
    const person = peer.people.get(form.login ?? '');
    if (!person) {
      res.status(401).type('text').send('Unknown user');
      return;
    }
    const relayState = form.RelayState ?? '';
    let samlResponse: string;
    try {
      samlResponse = await answer(person, form.requestId ?? '', relayState);
    } catch (err) {
      res
        .status(500)
        .type('text')
        .send(`The IdP failed: ${err instanceof Error ? err.stack : String(err)}`);
      return;
    }
    peer.lastAnswer = { SAMLResponse: samlResponse, RelayState: relayState };
    res
      .type('html')
      .send(
        page(
          `<form method="post" action="${escapeXml(acsUrl)}">` +
            `<input type="hidden" name="SAMLResponse" value="${samlResponse}">` +
            (relayState === '' ? '' : `<input type="hidden" name="RelayState" value="${escapeXml(relayState)}">`) +
            `<noscript><button type="submit">Continue</button></noscript></form>`,
          '<script>document.forms[0].submit()</script>',
        ),
      );
  });

  return peer;
}
