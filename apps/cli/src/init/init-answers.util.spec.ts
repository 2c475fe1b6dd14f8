import { Asker, InitInputError, parseInitArgs, resolveAnswers } from './init-answers.util';

const REQUIRED = ['--name', 'Velo Verde', '--support-address', 'help@veloverde.test'];

/** The answers from flags alone, as in a script: nobody to ask. */
function fromFlags(...argv: string[]) {
  return resolveAnswers(parseInitArgs(argv).given, null);
}

async function flagError(...argv: string[]): Promise<string> {
  try {
    await fromFlags(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(InitInputError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('draftdesk init: flags', () => {
  it('takes the defaults for everything but the name and the support address', async () => {
    expect(await fromFlags(...REQUIRED)).toEqual({
      name: 'Velo Verde',
      languages: ['en'],
      tone: 'friendly',
      supportAddress: 'help@veloverde.test',
      website: 'https://veloverde.test',
      orders: { kind: 'file' },
      mailbox: { kind: 'smtp' },
    });
  });

  it('reads every flag', async () => {
    const answers = await fromFlags(
      ...REQUIRED,
      ...[
        '--languages',
        'NL, en,nl',
        '--tone',
        'formal',
        '--website',
        'https://veloverde.test/',
        '--orders',
        'shopify',
      ],
      ...[
        '--shopify-store',
        'velo-verde',
        '--orders-token',
        'shpat_1',
        '--mailbox',
        'imap',
        '--imap-host',
        'imap.example.com',
      ],
      ...['--imap-port', '143', '--imap-password', 's3cret "quoted"'],
    );
    expect(answers).toMatchObject({
      languages: ['nl', 'en'],
      tone: 'formal',
      website: 'https://veloverde.test',
      orders: { kind: 'shopify', storeUrl: 'https://velo-verde.myshopify.com', token: 'shpat_1' },
      mailbox: {
        kind: 'imap',
        host: 'imap.example.com',
        port: 143,
        user: 'help@veloverde.test',
        password: 's3cret "quoted"',
      },
    });
  });

  it('takes the folder as the one positional argument, ./my-shop when there is none', () => {
    expect(parseInitArgs([...REQUIRED, '--yes'])).toMatchObject({ dir: 'my-shop', noQuestions: true, force: false });
    expect(parseInitArgs(['shops/velo', '--force', '--non-interactive'])).toMatchObject({
      dir: 'shops/velo',
      noQuestions: true,
      force: true,
    });
  });

  it.each<[string, string[], RegExp]>([
    ['a missing name', ['--support-address', 'a@b.test'], /^--name: missing/],
    ['a missing support address', ['--name', 'X'], /^--support-address: missing/],
    [
      'a malformed support address',
      ['--name', 'X', '--support-address', 'support-at-shop'],
      /^--support-address: "support-at-shop" is not an email address/,
    ],
    [
      'a language code that is not ISO 639-1',
      [...REQUIRED, '--languages', 'nl,dutch,xx'],
      /^--languages: "dutch", "xx": not an ISO 639-1 code/,
    ],
    [
      'a tone the loader does not know',
      [...REQUIRED, '--tone', 'informal'],
      /^--tone: "informal" is not one of formal, friendly$/,
    ],
    [
      'an unknown order source',
      [...REQUIRED, '--orders', 'csv'],
      /^--orders: "csv" is not one of file, rest, shopify$/,
    ],
    ['a REST order source without its URL', [...REQUIRED, '--orders', 'rest'], /^--orders-url: missing/],
    [
      'a REST URL without the order number',
      [...REQUIRED, '--orders', 'rest', '--orders-url', 'https://erp.example/orders'],
      /^--orders-url: put \{orderNumber\}/,
    ],
    [
      'Shopify without a token',
      [...REQUIRED, '--orders', 'shopify', '--shopify-store', 'velo'],
      /^--orders-token: missing/,
    ],
    [
      'an IMAP mailbox without its password',
      [...REQUIRED, '--mailbox', 'imap', '--imap-host', 'imap.example.com'],
      /^--imap-password: missing/,
    ],
    [
      'an IMAP port out of range',
      [...REQUIRED, '--mailbox', 'imap', '--imap-host', 'h', '--imap-port', '99999', '--imap-password', 'p'],
      /^--imap-port: "99999" is not a port number/,
    ],
    [
      'an IMAP flag without --mailbox imap',
      [...REQUIRED, '--imap-host', 'imap.example.com'],
      /^--imap-host: does not apply here \(only with --mailbox imap\)/,
    ],
    ['a flag init does not have', [...REQUIRED, '--shop-name', 'X'], /^--shop-name: Unknown option '--shop-name'/],
    ['a flag without its value', ['--name'], /^--name: Option '--name <value>' argument missing/],
  ])('refuses %s, naming the flag', async (_case, argv, message) => {
    expect(await flagError(...argv)).toMatch(message);
  });
});

describe('draftdesk init: questions', () => {
  it('asks only for what the flags leave out, offers defaults, and asks again after a bad or missing answer', async () => {
    const replies = ['Velo Verde', 'nl,xx', 'nl,en', '', 'help@veloverde.test', '', '', 'imap', '', ''];
    const asked: string[] = [];
    const told: string[] = [];
    const asker: Asker = {
      ask: async (question, { fallback }) => {
        asked.push(`${question}${fallback ? ` [${fallback}]` : ''}`);
        return replies.shift() ?? '';
      },
      tell: (message) => told.push(message),
    };
    const answers = await resolveAnswers(
      { tone: 'formal', 'imap-host': 'imap.example.com', 'imap-password': 'p' },
      asker,
    );
    expect(answers).toMatchObject({
      name: 'Velo Verde',
      languages: ['nl', 'en'],
      tone: 'formal',
      website: 'https://veloverde.test',
    });
    expect(answers.mailbox).toEqual({
      kind: 'imap',
      host: 'imap.example.com',
      port: 993,
      user: 'help@veloverde.test',
      password: 'p',
    });
    expect(asked).toEqual([
      'Shop name',
      expect.stringMatching(/^Languages .* \[en\]$/),
      expect.stringMatching(/^Languages .* \[en\]$/),
      'Support address customers write to',
      'Support address customers write to',
      'Website [https://veloverde.test]',
      'Order source (file, rest, shopify) [file]',
      expect.stringMatching(/^Mailbox .* \[smtp\]$/),
      'IMAP port (993 with TLS) [993]',
      'IMAP user [help@veloverde.test]',
    ]);
    expect(told).toEqual([
      '  "xx": not an ISO 639-1 code draftdesk detects (e.g. nl, en, de, fr, es, it)',
      '  an answer is needed',
    ]);
  });
});
