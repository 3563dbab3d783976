import { describe, expect, it } from 'vitest';
import { parseInput } from '../input/parse-input';
import { GazetteError } from './gazette-error';

describe('GazetteError messages', () => {
  it('show control characters, NULs and bidi overrides of the input as escapes, never raw', () => {
    const error = new GazetteError(
      'INVALID_FEED',
      'The feed has root <r\u0000s\u0000s\u001b[2J\u202e>.\nNext line.',
    );
    expect(error.message).toBe('The feed has root <r\\u{0000}s\\u{0000}s\\u{001b}[2J\\u{202e}>.\nNext line.');
    // A parser's own message quoting the input (JSON.parse shows an excerpt) is covered too.
    let thrown: unknown;
    try {
      parseInput('{"title": \u0000\u0007}', { format: 'json' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GazetteError);
    expect((thrown as Error).message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
