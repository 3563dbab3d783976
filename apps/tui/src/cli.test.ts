import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import type { CliIo } from './cli-io';

function capture(stdinText = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: async () => stdinText,
    isTTY: false,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('runCli', () => {
  it('prints help with --help and exits 0', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    for (const command of ['parse', 'list', 'show', 'search'])
      expect(c.out()).toContain(`gazette ${command}`);
  });

  it('parses standard input into an Article', async () => {
    const c = capture('---\ntitle: Hello\n---\nA first paragraph of the story.\n');
    expect(await runCli(['parse', '-', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out()).title).toBe('Hello');
  });

  it('exits 2 on a wrong command line and 1 on bad input, with the reason on stderr', async () => {
    const wrong = capture();
    expect(await runCli(['list', '--nope'], wrong.io)).toBe(2);
    expect(wrong.err()).toMatch(/--nope/);
    const bad = capture('');
    expect(await runCli(['parse', '-'], bad.io)).toBe(1);
    expect(bad.err()).toMatch(/no text/);
    expect(bad.out()).toBe('');
  });
});

describe('entities, quotes and --api', () => {
  it('documents every command, --api and the UI keys in --help', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    for (const text of [
      'gazette entities',
      'gazette quotes',
      '--api URL',
      'NO_COLOR',
      'Keys in the UI',
      'open the interactive UI',
    ])
      expect(c.out()).toContain(text);
  });

  it('lists entities and quotes as JSON of the API shapes', async () => {
    const { EntityListResultSchema, QuoteListResultSchema } = await import('@gazette/core/query');
    const e = capture();
    expect(await runCli(['entities', '--json', '--limit', '5'], e.io)).toBe(0);
    const entities = EntityListResultSchema.parse(JSON.parse(e.out()));
    expect(entities.items.length).toBeLessThanOrEqual(5);
    const q = capture();
    expect(await runCli(['quotes', '--json'], q.io)).toBe(0);
    QuoteListResultSchema.parse(JSON.parse(q.out()));
  });

  it('refuses a bad entity type and a bad --api URL with exit code 2 or 1 and a reason', async () => {
    const t = capture();
    expect(await runCli(['entities', '--type', 'planet'], t.io)).toBe(2);
    expect(t.err()).toMatch(/--type must be one of person/);
    const u = capture();
    expect(await runCli(['list', '--api', 'not a url'], u.io)).toBe(1);
    expect(u.err()).toMatch(/--api needs a URL/);
    const down = capture();
    expect(await runCli(['list', '--api', 'http://127.0.0.1:9'], down.io)).toBe(1);
    expect(down.err()).toMatch(/unreachable/);
    expect(down.err()).not.toMatch(/\n\s+at /);
  });

  it('prints the usage, not the UI, when not in a terminal', async () => {
    const c = capture();
    expect(await runCli([], c.io)).toBe(0);
    expect(c.out()).toContain('Usage:');
  });
});

describe('gazette parse --json: one shape per format', () => {
  const item = (n: number) =>
    `<item><title>Story ${n}</title><link>https://example.com/${n}</link><description>Body of story number ${n} with enough words.</description></item>`;
  const feed = (items: number) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${Array.from({ length: items }, (_, i) => item(i + 1)).join('')}</channel></rss>`;

  async function parsed(input: string, ...args: string[]): Promise<unknown> {
    const c = capture(input);
    expect(await runCli(['parse', '-', '--json', ...args], c.io), c.err()).toBe(0);
    return JSON.parse(c.out());
  }

  it('prints an array for a feed, JSON or NDJSON of one item as of many, and an object for a page', async () => {
    for (const items of [1, 2]) {
      const articles = await parsed(feed(items));
      expect(Array.isArray(articles)).toBe(true);
      expect((articles as { title: string }[]).map((a) => a.title)).toEqual(
        Array.from({ length: items }, (_, i) => `Story ${i + 1}`),
      );
    }
    const record = { headline: 'One record', content: 'The only record in this file has a body.' };
    expect(await parsed(JSON.stringify([record]))).toMatchObject([{ title: 'One record' }]);
    expect(await parsed(JSON.stringify(record), '--format', 'json')).toMatchObject([{ title: 'One record' }]);
    expect(await parsed(`${JSON.stringify(record)}\n`, '--format', 'ndjson')).toMatchObject([
      { title: 'One record' },
    ]);
    for (const [page, format] of [
      ['<title>A page</title><p>The page has one paragraph of text, and a second sentence.</p>', 'html'],
      ['# A page\n\nThe page has one paragraph of text, and a second sentence.\n', 'markdown'],
      ['The page has one paragraph of text, and a second sentence.\n', 'text'],
    ] as const) {
      const article = await parsed(page, '--format', format);
      expect(Array.isArray(article), format).toBe(false);
      expect(article).toMatchObject({ provenance: { format } });
    }
  });
});
