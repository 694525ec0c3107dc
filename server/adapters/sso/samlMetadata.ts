import { DOMParser, type Element } from '@xmldom/xmldom';
import { SamlMetadataInvalid, type SamlIdpMetadata } from '../../ports/sso';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseXml(xml: string): Element {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new SamlMetadataInvalid(`The metadata is not well-formed XML: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
    if (!doc.documentElement) throw new SamlMetadataInvalid('The metadata is empty');
    return doc.documentElement;
  } catch (err) {
    if (err instanceof SamlMetadataInvalid) throw err;
    throw new SamlMetadataInvalid(
      `The metadata is not well-formed XML: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

const children = (parent: Element, ns: string, name: string): Element[] =>
  Array.from(parent.getElementsByTagNameNS(ns, name));

/** The entity that has an IDPSSODescriptor: the root itself, or one inside an EntitiesDescriptor. */
function identityProviderOf(root: Element): { entity: Element; idp: Element } {
  const entities = root.localName === 'EntityDescriptor' ? [root] : children(root, MD, 'EntityDescriptor');
  for (const entity of entities) {
    const [idp] = children(entity, MD, 'IDPSSODescriptor');
    if (idp) return { entity, idp };
  }
  throw new SamlMetadataInvalid('The metadata describes no SAML identity provider (no IDPSSODescriptor)');
}

/**
 * Reads what Roomserve needs from an IdP's metadata (AD FS FederationMetadata.xml, Keycloak's
 * descriptor): its entity ID, its sign-in URL for the HTTP-Redirect binding and its signing
 * certificates. Anything missing is a clear error for the admin page.
 */
export function readIdpMetadata(xml: string): SamlIdpMetadata {
  const { entity, idp } = identityProviderOf(parseXml(xml));
  const entityId = entity.getAttribute('entityID')?.trim();
  if (!entityId) throw new SamlMetadataInvalid('The metadata has no entityID');
  const sso = children(idp, MD, 'SingleSignOnService').find((s) => s.getAttribute('Binding') === REDIRECT_BINDING);
  const ssoUrl = sso?.getAttribute('Location')?.trim();
  if (!ssoUrl) throw new SamlMetadataInvalid('The metadata has no SingleSignOnService for the HTTP-Redirect binding');
  let url: URL;
  try {
    url = new URL(ssoUrl);
  } catch {
    throw new SamlMetadataInvalid(`The sign-in URL ${ssoUrl} is not a URL`);
  }
  // As for OIDC issuers: plain http only on this machine, or the assertion would cross the network readable.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new SamlMetadataInvalid(`The sign-in URL ${ssoUrl} must use https (plain http only on this machine)`);
  }
  const certificates = children(idp, MD, 'KeyDescriptor')
    .filter((k) => (k.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((k) => children(k, DS, 'X509Certificate'))
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
    .filter((c) => c !== '');
  if (certificates.length === 0) throw new SamlMetadataInvalid('The metadata has no signing certificate');
  return { entityId, ssoUrl, certificates: [...new Set(certificates)] };
}
