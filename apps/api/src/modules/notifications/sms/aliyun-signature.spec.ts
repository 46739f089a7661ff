import { canonicalizedQuery, percentEncode, rpcSignature, stringToSign } from './aliyun-signature.js';

describe('Alibaba Cloud RPC signature v1', () => {
  it('reproduces the example published with the signature mechanism (DescribeRegions, testsecret)', () => {
    const params = {
      TimeStamp: '2016-02-23T12:46:24Z',
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      Version: '2014-05-26',
      SignatureVersion: '1.0',
    };
    expect(stringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(rpcSignature('GET', params, 'testsecret')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  it('encodes as the provider does: space as %20, * as %2A, ~ kept, Chinese as UTF-8', () => {
    expect(percentEncode('a b*c~d')).toBe('a%20b%2Ac~d');
    expect(percentEncode("(!')")).toBe('%28%21%27%29');
    expect(percentEncode('小实事')).toBe('%E5%B0%8F%E5%AE%9E%E4%BA%8B');
  });

  it('sorts by name and leaves the Signature parameter out', () => {
    expect(canonicalizedQuery({ b: '2', a: '1', Signature: 'x', B: '3' })).toBe('B=3&a=1&b=2');
  });
});
