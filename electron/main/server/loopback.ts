import { isIP } from 'node:net';

/**
 * http:// only for this computer (tests, a provider on the same machine); anything that crosses
 * a network must be https://, as the OpenID Connect specification requires.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}
