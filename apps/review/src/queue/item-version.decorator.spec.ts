import { BadRequestException } from '@nestjs/common';
import { expectedVersion } from './item-version.decorator';

describe('expectedVersion', () => {
  it.each([
    ['If-Match alone', '"5"', undefined, { version: 5, viaIfMatch: true }],
    ['a weak If-Match', 'W/"5"', undefined, { version: 5, viaIfMatch: true }],
    ['an unquoted If-Match', '5', undefined, { version: 5, viaIfMatch: true }],
    ['If-Match before the body version', '"5"', 3, { version: 5, viaIfMatch: true }],
    ['the body version alone', undefined, 3, { version: 3, viaIfMatch: false }],
    ['neither', undefined, undefined, { version: undefined, viaIfMatch: false }],
  ])('%s', (_name, ifMatch, bodyVersion, expected) => {
    expect(expectedVersion(ifMatch, bodyVersion)).toEqual(expected);
  });

  it.each(['*', '"abc"', '"5", "6"', ''])('refuses If-Match %j with 400 BAD_IF_MATCH', (ifMatch) => {
    const refused = (() => {
      try {
        expectedVersion(ifMatch, 3);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as BadRequestException).getResponse()).toEqual({
      code: 'BAD_IF_MATCH',
      message: 'If-Match must be an ETag from this API',
    });
  });
});
