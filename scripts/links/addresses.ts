/**
 * Which addresses the link checker may talk to, and write into the docs: public ones only. An allow-list,
 * because a cited site controls where its redirects point, and the checker runs inside CI's network.
 */
import {BlockList, isIP} from 'node:net';

/** Which IP addresses may be requested and written. The default is `isPublicAddress`; tests admit their loopback servers. */
export type AddressPolicy = (address: string) => boolean;

/** Networks no published link may point into (IANA special-purpose registries, RFC 6890 and later). */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['168.63.129.16', 32], // Azure's platform address (DNS, metadata, health), reachable from GitHub-hosted runners
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
/** IPv6 is an allow-list: only global unicast, less its special blocks (IPv4-mapped, ULA, link-local… are outside it). */
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');
for (const [net, prefix] of [
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID…)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: carries any IPv4 address, private ones included
  ['3fff::', 20], // documentation
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** Is this IP address reachable by any reader, that is, in no private, loopback, link-local or reserved range? */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family === 6) return GLOBAL_UNICAST.check(address, 'ipv6') && !NOT_PUBLIC.check(address, 'ipv6');
  return false;
}

/** Loopback only: 127.0.0.0/8 and ::1. Two lists, as a BlockList with an IPv4 range also matches its IPv4-mapped IPv6 forms. */
const LOOPBACK_V4 = new BlockList();
LOOPBACK_V4.addSubnet('127.0.0.0', 8, 'ipv4');
const LOOPBACK_V6 = new BlockList();
LOOPBACK_V6.addAddress('::1', 'ipv6');

/**
 * The policy of `--allow-loopback` (a command-line flag only: a pull request cannot switch it on): public
 * addresses and this machine's loopback, for a maintainer's local preview server. Other private ranges stay out.
 */
export function loopbackOrPublic(address: string): boolean {
  const family = isIP(address);
  if (family === 4 && LOOPBACK_V4.check(address, 'ipv4')) return true;
  if (family === 6 && LOOPBACK_V6.check(address, 'ipv6')) return true;
  return isPublicAddress(address);
}

/** Names that mean a private network or nothing at all: single labels, localhost, mDNS, home, private-use and reserved TLDs. */
const PRIVATE_NAME = /^[^.]+$|(^|\.)(localhost|local|home\.arpa|internal|test|invalid|example)$/i;

/** Is this host name private or reserved by definition, whatever it resolves to? */
export function isPrivateName(hostname: string): boolean {
  return PRIVATE_NAME.test(hostname);
}
