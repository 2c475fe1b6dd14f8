import { decodeLegacyHeader, needsLegacyHeaderDecoding } from './legacy-charset.util';

describe('legacy header decoding', () => {
  it.each<[string, Buffer, boolean, string]>([
    [
      'UTF-7 encoded word',
      Buffer.from('=?utf-7?Q?Die_Hasen_und_die_Fr+APY-sche_=28Outlook=29?='),
      true,
      'Die Hasen und die Frösche (Outlook)',
    ],
    [
      '8-bit byte inside a Q word',
      Buffer.concat([Buffer.from('=?iso-8859-1?Q?Fr'), Buffer.from([0xf6]), Buffer.from('sche?=')]),
      true,
      'Frösche',
    ],
    [
      'adjacent words join without the space',
      Buffer.from('=?utf-8?B?SGFsbG8=?= =?utf-8?Q?_wereld?='),
      false,
      'Hallo wereld',
    ],
    ['plain text around a word', Buffer.from('Re: =?iso-8859-1?Q?caf=E9?= open'), false, 'Re: café open'],
  ])('%s', (_name, raw, needs, decoded) => {
    expect(needsLegacyHeaderDecoding(raw)).toBe(needs);
    expect(decodeLegacyHeader(raw)).toBe(decoded);
  });
});
