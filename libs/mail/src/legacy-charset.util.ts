import * as iconv from 'iconv-lite';

// mailparser leaves two legacy encodings undecoded: UTF-7 (no iconv in libmime for it) and raw 8-bit
// bytes inside an RFC 2047 encoded word (the header is read as UTF-8 first, so the byte is lost).
const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=/g;

/** True when a raw header value needs {@link decodeLegacyHeader} rather than mailparser's result. */
export function needsLegacyHeaderDecoding(rawValue: Buffer): boolean {
  const latin1 = rawValue.toString('latin1');
  for (const match of latin1.matchAll(ENCODED_WORD)) {
    if (/^utf-?7$/i.test(match[1]) || /[\x80-\xff]/.test(match[3])) return true;
  }
  return false;
}

/** Decodes the encoded words of a raw (byte-preserving) header value; text between them is read as UTF-8. */
export function decodeLegacyHeader(rawValue: Buffer): string {
  const latin1 = rawValue.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  let out = '';
  let last = 0;
  let previousWasWord = false;
  for (const match of latin1.matchAll(ENCODED_WORD)) {
    const between = latin1.slice(last, match.index);
    // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
    if (!(previousWasWord && /^\s*$/.test(between))) out += Buffer.from(between, 'latin1').toString('utf8');
    out += decodeWord(match[1], match[2], match[3]);
    last = match.index + match[0].length;
    previousWasWord = true;
  }
  out += Buffer.from(latin1.slice(last), 'latin1').toString('utf8');
  return out.trim();
}

export function decodeCharset(bytes: Buffer, charset: string): string {
  const name = charset.replace(/\*.*$/, '').trim();
  return iconv.encodingExists(name) ? iconv.decode(bytes, name) : bytes.toString('utf8');
}

function decodeWord(charset: string, encoding: string, text: string): string {
  const bytes =
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        );
  return decodeCharset(bytes, charset);
}
