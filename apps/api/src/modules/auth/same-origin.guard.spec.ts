import { isCrossSite, type OriginFacts } from './same-origin.guard.js';

const own = 'https://xiaoshi.example.gov.cn';
const facts = (over: Partial<OriginFacts>): OriginFacts => ({
  origin: undefined,
  secFetchSite: undefined,
  ownOrigin: own,
  allowedOrigins: [],
  ...over,
});

describe('isCrossSite: refresh, logout and login refuse other sites', () => {
  it.each<[string, Partial<OriginFacts>, boolean]>([
    ['a non-browser client (no Origin, no Sec-Fetch-Site)', {}, false],
    ['the portal itself (Origin = own origin)', { origin: own }, false],
    ['the portal itself, default port spelled out', { origin: 'https://xiaoshi.example.gov.cn:443' }, false],
    ['a browser saying same-origin', { origin: own, secFetchSite: 'same-origin' }, false],
    ['a browser saying none (typed, bookmarked)', { secFetchSite: 'none' }, false],
    ['a foreign Origin', { origin: 'https://evil.example' }, true],
    ['an opaque Origin (null)', { origin: 'null' }, true],
    ['an unparsable Origin', { origin: 'not a url' }, true],
    ['the same host over plain http', { origin: 'http://xiaoshi.example.gov.cn' }, true],
    ['another port of the same host', { origin: 'https://xiaoshi.example.gov.cn:8443' }, true],
    ['a browser saying cross-site', { origin: 'https://evil.example', secFetchSite: 'cross-site' }, true],
    ['a browser saying cross-site, even with no Origin', { secFetchSite: 'cross-site' }, true],
    [
      'a sibling subdomain (same-site)',
      { origin: 'https://blog.example.gov.cn', secFetchSite: 'same-site' },
      true,
    ],
    [
      'a configured proxy origin',
      { origin: 'https://portal.example.gov.cn', allowedOrigins: ['https://portal.example.gov.cn'] },
      false,
    ],
    [
      'a configured same-site origin',
      {
        origin: 'https://portal.example.gov.cn',
        secFetchSite: 'same-site',
        allowedOrigins: ['https://portal.example.gov.cn'],
      },
      false,
    ],
  ])('%s', (_name, over, expected) => {
    expect(isCrossSite(facts(over))).toBe(expected);
  });
});
