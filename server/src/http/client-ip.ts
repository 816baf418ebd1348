import { isIP } from 'node:net';
import type { Context as HonoContext } from 'hono';

/** The address of the TCP peer (the Node adapter puts the request's socket under `c.env.incoming`), or null. */
export function remoteAddressOf(c: HonoContext): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return normalise(env?.incoming?.socket?.remoteAddress ?? null);
}

function normalise(address: string | null | undefined): string | null {
  if (!address) return null;
  const a = address.trim().replace(/^\[|\]$/g, '');
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  const out = v4mapped?.[1] ?? a;
  return isIP(out) ? out.toLowerCase() : null;
}

function ipv4ToInt(a: string): number {
  return a.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

/** Whether `address` is one of `trusted`: exact addresses, or IPv4 CIDRs (`10.0.0.0/8`). */
export function isTrustedProxy(address: string, trusted: readonly string[]): boolean {
  for (const entry of trusted) {
    const [base, bits] = entry.split('/');
    if (bits === undefined) {
      if (normalise(base) === address) return true;
      continue;
    }
    const n = Number(bits);
    if (isIP(address) !== 4 || isIP(base ?? '') !== 4 || !Number.isInteger(n) || n < 0 || n > 32) continue;
    const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
    if ((ipv4ToInt(address) & mask) === (ipv4ToInt(base as string) & mask)) return true;
  }
  return false;
}

/**
 * The client's address. `X-Forwarded-For` is believed only when the peer is a configured proxy
 * (TRUSTED_PROXIES), and then read from the right: the first address that is not itself a trusted proxy
 * is the client (the left part of the header is whatever the client sent, and is never believed).
 */
export function clientIp(remote: string | null, forwardedFor: string | null | undefined, trusted: readonly string[]): string | null {
  if (!remote || !forwardedFor || trusted.length === 0 || !isTrustedProxy(remote, trusted)) return remote;
  const hops = forwardedFor
    .split(',')
    .map((h) => normalise(h))
    .filter((h): h is string => h !== null);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!isTrustedProxy(hop, trusted)) return hop;
  }
  return hops[0] ?? remote;
}
