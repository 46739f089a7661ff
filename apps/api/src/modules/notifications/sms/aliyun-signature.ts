import { createHmac } from 'node:crypto';

/**
 * Alibaba Cloud RPC signature, version 1.0 (HMAC-SHA1), as its "signature mechanism" page documents
 * it for dysmsapi and the other RPC APIs:
 *
 *   1. Percent-encode every parameter name and value (UTF-8; A–Z a–z 0–9 - _ . ~ stay as they are,
 *      everything else is %XY in upper case, so a space is %20, never '+'), sort by the encoded name,
 *      and join as name=value with '&': the canonicalised query string.
 *   2. StringToSign = HTTPMethod + '&' + percentEncode('/') + '&' + percentEncode(canonicalised).
 *   3. Signature = Base64(HMAC-SHA1(key = AccessKeySecret + '&', StringToSign)).
 *
 * The published example (DescribeRegions, secret 'testsecret') is checked in the unit test.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalizedQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .map((name) => [percentEncode(name), percentEncode(params[name])] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function stringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalizedQuery(params))}`;
}

export function rpcSignature(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}
