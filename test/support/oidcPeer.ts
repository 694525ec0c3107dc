import { createHash, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { importOidcProvider } from './importEsm';

/**
 * A real OpenID provider (oidc-provider, OpenID-certified) configured like AD FS 2019: the `sub`
 * is pairwise (differs per application), the user is named by `upn`, groups come as `group`
 * claims, and extra claims reach the ID token only with the `allatclaims` scope. Its built-in
 * (development) login form accepts any login name from PEOPLE; there is no consent screen, as
 * with AD FS for a registered application.
 */

export interface Person {
  readonly upn: string;
  readonly email?: string;
  readonly name: string;
  readonly groups: readonly string[];
}

export interface OidcPeer {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Change what the provider says about someone (a group removed, for example). */
  readonly people: Map<string, Person>;
  close(): Promise<void>;
}

export interface OidcPeerOptions {
  /** The relying party's redirect URI and home page (post-logout). */
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  /** The client id this provider knows Roomserve by (default `roomserve`). */
  readonly clientId?: string;
  /** Another application registered with the same redirect URI, whose codes Roomserve must not accept. */
  readonly otherClientId?: string;
}

const CLIENT_SECRET = 'test-peer-client-secret-that-is-long-enough';

export async function startOidcPeer(options: OidcPeerOptions, people: Map<string, Person>): Promise<OidcPeer> {
  const { default: Provider } = await importOidcProvider();
  const clientId = options.clientId ?? 'roomserve';
  const mounted: { provider?: InstanceType<typeof Provider> } = {};
  // Mounted below /adfs as AD FS is (https://adfs.example.com/adfs): the issuer has a path.
  const app = express();
  app.use('/adfs', (req, res) => {
    if (mounted.provider) void mounted.provider.callback()(req, res);
    else res.status(503).end();
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}/adfs`;

  mounted.provider = new Provider(issuer, {
    clients: [clientId, ...(options.otherClientId ? [options.otherClientId] : [])].map((id) => ({
      client_id: id,
      client_secret: CLIENT_SECRET,
      redirect_uris: [options.redirectUri],
      post_logout_redirect_uris: [options.postLogoutRedirectUri],
      token_endpoint_auth_method: 'client_secret_post',
      response_types: ['code'],
      grant_types: ['authorization_code'],
      subject_type: 'pairwise' as const,
    })),
    subjectTypes: ['public', 'pairwise'],
    pairwiseIdentifier: (_ctx, accountId, client) =>
      Promise.resolve(createHash('sha256').update(`${client.clientId}:${accountId}`).digest('base64url')),
    scopes: ['openid', 'profile', 'email', 'allatclaims'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], allatclaims: ['upn', 'group'] },
    // AD FS puts the claims into the ID token itself (it has no useful userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['test-peer-cookie-key'] },
    // Its own RS256 key, as AD FS signs with its token-signing certificate.
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
          use: 'sig',
          alg: 'RS256',
        },
      ],
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx, id) => {
      const person = people.get(id);
      if (!person) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          upn: person.upn,
          ...(person.email ? { email: person.email } : {}),
          name: person.name,
          group: [...person.groups],
        }),
      };
    },
    // A registered application gets no consent screen, as at AD FS.
    loadExistingGrant: async (ctx) => {
      const oidc = ctx.oidc;
      const accountId = oidc.session?.accountId;
      if (!oidc.client || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId });
      grant.addOIDCScope('openid profile email allatclaims');
      grant.addOIDCClaims(['upn', 'group', 'email', 'name']);
      await grant.save();
      return grant;
    },
  });

  return {
    issuer,
    clientId,
    clientSecret: CLIENT_SECRET,
    people,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
