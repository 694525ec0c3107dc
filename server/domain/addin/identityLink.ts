/**
 * The key an Outlook add-in user is remembered by: Exchange's user id (msexchuid) together with
 * the metadata document URL (amurl), as Microsoft's "Authenticate a user with an identity token
 * for Exchange" prescribes — an msexchuid is unique only within the Exchange that issued it.
 */
export interface IdentityLinkKey {
  readonly exchangeUserId: string;
  readonly metadataUrl: string;
}

/**
 * One Exchange writes its amurl in more than one spelling (`https://mail.example:443/...` in
 * Microsoft's own example, without the port elsewhere; host case varies). Scheme, host, port and
 * path are what name the document, so only they are kept: lower-case, default port dropped, no
 * query, fragment or trailing slash. msexchuid is kept exactly: it is Exchange's opaque id.
 */
export function normalizeMetadataUrl(metadataUrl: string): string {
  const url = new URL(metadataUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`.toLowerCase();
}

export function identityLinkKey(identity: IdentityLinkKey): IdentityLinkKey {
  return { exchangeUserId: identity.exchangeUserId, metadataUrl: normalizeMetadataUrl(identity.metadataUrl) };
}
