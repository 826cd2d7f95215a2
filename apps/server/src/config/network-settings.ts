// How TTX reads the network around it: which proxies may name the client's address, which foreign sites may call it.
import { isIP } from 'node:net';
import { z } from 'zod';

/** Express's 'trust proxy' values TTX accepts: off, every hop, a hop count, or addresses and subnets. */
export type TrustProxy = boolean | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export const trustProxySchema = z
  .string()
  .default('false')
  .transform((raw, context): TrustProxy => {
    const value = raw.trim();
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const wrong = entries.filter((e) => !isAddressOrSubnet(e));
    if (wrong.length === 0) return entries;
    context.addIssue({
      code: 'custom',
      message: `must be false, true, a hop count, or addresses and subnets (e.g. 10.0.0.0/8,loopback); not understood: ${wrong.join(', ')}`,
    });
    return z.NEVER;
  });

export const allowedOriginsSchema = z
  .string()
  .default('')
  .transform((raw, context): string[] => {
    const entries = raw
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e.length > 0);
    const origins: string[] = [];
    for (const entry of entries) {
      const origin = originOf(entry);
      if (origin) origins.push(origin);
      else
        context.addIssue({
          code: 'custom',
          message: `must list origins such as https://ttx.example.org; not an origin: ${entry}`,
        });
    }
    return origins;
  });

/** `scheme://host[:port]` as browsers send it in the Origin header, or undefined when `entry` is not one. */
function originOf(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.pathname !== '/' ||
      url.search ||
      url.hash ||
      url.username
    )
      return undefined;
    if (!/^https?:\/\/[^/]+\/?$/.test(entry)) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}
