import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-side request must not reach unless an admin allowed them: loopback,
 * link-local (cloud metadata at 169.254.169.254), private, unique-local, shared and reserved
 * ranges. A webhook there would let a catalog editor make Roomserve talk to internal services.
 */
const INTERNAL_V4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const INTERNAL_V6: readonly (readonly [string, number])[] = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

const internal = new BlockList();
for (const [net, prefix] of INTERNAL_V4) internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of INTERNAL_V6) internal.addSubnet(net, prefix, 'ipv6');

const familyOf = (ip: string): 'ipv4' | 'ipv6' | undefined => {
  const version = isIP(ip);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
};

/** True for every address that is not a public unicast address (IPv4-mapped IPv6 included). */
export function isInternalAddress(ip: string): boolean {
  const family = familyOf(ip);
  return family === undefined || internal.check(ip, family);
}

/** One allow-list entry: an address (`10.1.2.3`, `::1`) or a network in CIDR notation (`10.1.2.0/24`). */
export function parseAllowEntry(entry: string): { readonly network: string; readonly prefix: number } | undefined {
  const [network = '', prefixText, extra] = entry.trim().split('/');
  const family = familyOf(network);
  if (!family || extra !== undefined) return undefined;
  const max = family === 'ipv4' ? 32 : 128;
  if (prefixText === undefined) return { network, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return undefined;
  return { network, prefix: Number(prefixText) };
}

/** Whether a server-side request may connect to `ip`, given the admin's allow-list of internal networks. */
export function destinationAllowed(ip: string, allowList: readonly string[]): boolean {
  const family = familyOf(ip);
  if (!family) return false;
  if (!isInternalAddress(ip)) return true;
  const allowed = new BlockList();
  for (const entry of allowList) {
    const parsed = parseAllowEntry(entry);
    if (parsed) allowed.addSubnet(parsed.network, parsed.prefix, familyOf(parsed.network) ?? 'ipv4');
  }
  return allowed.check(ip, family);
}

const LOCAL_NAMES = /^(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback)$|\.localhost$/;

/** The host of a URL as written: an IP literal (brackets removed) or a lower-case name. */
export function hostOfUrl(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * The check on a URL's text, before anything is stored: IP literals must be allowed addresses and
 * loopback names are refused outright. Names are checked again on each connection, against what
 * they resolve to then (DNS rebinding), by the webhook adapter.
 */
export function urlTextAllowed(url: URL, allowList: readonly string[]): boolean {
  const host = hostOfUrl(url);
  if (familyOf(host)) return destinationAllowed(host, allowList);
  return !LOCAL_NAMES.test(host.replace(/\.$/, ''));
}
