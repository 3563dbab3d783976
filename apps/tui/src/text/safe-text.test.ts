import { describe, expect, it } from 'vitest';
import { safeLine, safeText } from './safe-text';

const hostile = [
  '\u001b[2J\u001b[Hcleared',
  '\u001b[31mred\u001b[0m',
  '\u001b]0;pwned title\u0007',
  '\u001b]52;c;aGVsbG8=\u001b\\',
  '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  '\u009b31mC1 CSI',
  '\u009d0;c1 osc\u009c',
  '\u001bPdevice control\u001b\\',
  '\u001b7saved\u001b8',
  'bell\u0007 back\bspace \u0000nul \u007fdel \u0085nel',
  'bidi \u202eevil\u202c \u2066iso\u2069',
  'unterminated \u001b]0;title',
  'lone \u001b',
];

describe('safeText', () => {
  it('leaves no escape, control or bidi override character in hostile text', () => {
    for (const input of hostile) {
      const out = safeText(input);
      expect(out, JSON.stringify(input)).not.toMatch(
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
      );
    }
  });

  it('drops whole sequences, not just the escape byte, and keeps the words', () => {
    expect(safeText('\u001b[31mred\u001b[0m')).toBe('red');
    expect(safeText('\u001b]0;pwned title\u0007after')).toBe('after');
    expect(safeText('\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
    expect(safeText('bidi \u202eevil\u202c')).toBe('bidi evil');
  });

  it('keeps ordinary text, accents, scripts, emoji and bidi marks', () => {
    const text = 'Café “quoted” — 北京 مرحبا\u200f 👩‍💻\nnext line';
    expect(safeText(text)).toBe(text);
  });

  it('safeLine puts everything on one line', () => {
    expect(safeLine('a\nb\u2028c\td')).toBe('a b c d');
  });
});
