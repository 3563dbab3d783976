import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';

describe('detectFormat', () => {
  it('tells formats from content before names', () => {
    expect(
      detectFormat(
        '<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE rss [<!ENTITY a "b">]>\n<rss version="2.0">',
      ),
    ).toBe('feed');
    expect(detectFormat('<feed xmlns="http://www.w3.org/2005/Atom">', 'page.html')).toBe('feed');
    expect(detectFormat('<!-- saved page -->\n<!DOCTYPE html><html>', 'x.txt')).toBe('html');
    expect(detectFormat('\uFEFF  <html lang="en">')).toBe('html');
    expect(detectFormat('{"version":"https://jsonfeed.org/version/1.1","items":[]}')).toBe('feed');
    expect(detectFormat('{"title":"a"}\n{"title":"b"}\n')).toBe('ndjson');
    expect(detectFormat('[{"title":"a"}]')).toBe('json');
  });

  it('falls back to the name, then plain text', () => {
    expect(detectFormat('# Title\n\nText.', 'story.md')).toBe('markdown');
    expect(detectFormat('<p>fragment</p>', 'frag.htm')).toBe('html');
    expect(detectFormat('Just a story.', 'story')).toBe('text');
  });
});
