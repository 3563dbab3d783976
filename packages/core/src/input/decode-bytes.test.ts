import { describe, expect, it } from 'vitest';
import { parseInput } from './parse-input';
import { decodeBytes } from './decode-bytes';

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));
const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
  units.forEach((u, i) => {
    out[i * 2 + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[i * 2 + (order === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
}

const LATIN1_FEED = bytes(
  '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title><item><title>M',
  [0xe3],
  'e</title><description>Text.</description></item></channel></rss>',
);

describe('decodeBytes', () => {
  it('honours an XML encoding declaration: a Latin-1 feed keeps "Mãe" (was "M\\uFFFDe")', () => {
    const d = decodeBytes(LATIN1_FEED);
    expect(d).toMatchObject({ encoding: 'windows-1252', source: 'declared', replacements: 0 });
    expect(d.text).toContain('<title>Mãe</title>');
    expect(parseInput(d.text, { format: 'feed' })[0]!.title).toBe('Mãe');
    const indented = bytes('\n  <?xml version="1.0" encoding="ISO-8859-1"?><a>', [0xe3], '</a>');
    expect(decodeBytes(indented)).toMatchObject({
      source: 'declared',
      text: '\n  <?xml version="1.0" encoding="ISO-8859-1"?><a>ã</a>',
    });
  });

  it('reads UTF-16 by its BOM (LE and BE) and by the XML "<?" pattern without one', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Ünï</title></channel></rss>';
    for (const [order, bom] of [
      ['le', true],
      ['be', true],
      ['le', false],
      ['be', false],
    ] as const) {
      const d = decodeBytes(utf16(xml, order, bom));
      expect(d.encoding).toBe(`utf-16${order}`);
      expect(d.text).toBe(xml);
      expect(d.text).not.toContain('\u0000');
    }
  });

  it('honours an HTML meta charset: windows-1252 quotes and accents', () => {
    const page = bytes(
      '<html><head><meta charset="windows-1252"></head><body><p>',
      [0x93],
      'Caf',
      [0xe9],
      [0x94],
      '</p>',
    );
    const d = decodeBytes(page);
    expect(d).toMatchObject({ encoding: 'windows-1252', source: 'declared', replacements: 0 });
    expect(d.text).toContain('\u201cCafé\u201d');
    const httpEquiv = bytes(
      '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><p>',
      [0x93, 0xfa, 0x96, 0x7b],
    );
    expect(decodeBytes(httpEquiv).text).toContain('日本');
  });

  it('a BOM beats the declaration, and the declaration beats the HTTP charset', () => {
    const withBom = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>ã</a>'),
    ]);
    expect(decodeBytes(withBom)).toMatchObject({
      encoding: 'utf-8',
      source: 'bom',
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>ã</a>',
    });
    expect(decodeBytes(LATIN1_FEED, { httpCharset: 'utf-8' })).toMatchObject({
      encoding: 'windows-1252',
      source: 'declared',
    });
    expect(decodeBytes(bytes('<p>', [0xe3], '</p>'), { httpCharset: 'iso-8859-1' })).toMatchObject({
      text: '<p>ã</p>',
      source: 'http',
    });
  });

  it('sniffs when a stated charset disagrees with the bytes: a lying HTTP charset gives no CJK garbage', () => {
    const body = utf8('<html><body><p>A mãe disse: “não”.</p></body></html>');
    for (const lie of ['shift_jis', 'utf-16', 'big5', 'iso-8859-1']) {
      const d = decodeBytes(body, { httpCharset: lie });
      expect(d, lie).toMatchObject({ encoding: 'utf-8', source: 'sniffed', overruled: lie, replacements: 0 });
      expect(d.text).toContain('A mãe disse: “não”.');
    }
    expect(decodeBytes(utf8('<p>plain ascii</p>'), { httpCharset: 'utf-16le' }).text).toBe(
      '<p>plain ascii</p>',
    );
    const latin1 = bytes('<?xml version="1.0" encoding="utf-8"?><a>Caf', [0xe9], ' cr', [0xe8], 'me</a>');
    expect(decodeBytes(latin1)).toMatchObject({
      encoding: 'windows-1252',
      overruled: 'utf-8',
      replacements: 0,
    });
    expect(decodeBytes(bytes('Caf', [0xe9], ' ', [0xe0], ' Paris'))).toMatchObject({
      text: 'Café à Paris',
      source: 'sniffed',
    });
  });

  it('counts the bytes it could not decode in mostly-UTF-8 text (never silently)', () => {
    const damaged = new Uint8Array([...utf8('Mãe, São Paulo, '), 0xff, ...utf8(' Zürich')]);
    const d = decodeBytes(damaged);
    expect(d).toMatchObject({ encoding: 'utf-8', replacements: 1 });
    expect(d.text).toBe('Mãe, São Paulo, \uFFFD Zürich');
    const article = parseInput(d.text, { format: 'text' })[0]!;
    expect(article.quality).toContain('replacement-characters');
    expect(parseInput('Mãe, São Paulo.', { format: 'text' })[0]!.quality).not.toContain(
      'replacement-characters',
    );
  });
});
