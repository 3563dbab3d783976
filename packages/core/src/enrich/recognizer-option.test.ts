// The entity recogniser is chosen per call. Before, @gazette/core/ner's installNerModel() switched a
// process-wide default, so the same input gave different Articles depending on what else had been
// imported and run in the process (a CLI command, a build script, a test).
import { describe, expect, it, vi } from 'vitest';

type Core = typeof import('../index');
type Ner = typeof import('./ner/index');

// Names the two recognisers read differently (the rules take "Berlin" for a name of unknown type).
const TEXT =
  'Angela Merkel met Boris Johnson in Berlin on Monday.\nMerkel said the talks with Downing Street went well.\n';

/** A fresh module graph, the two entries imported in the given order. */
async function load(order: 'core first' | 'ner first'): Promise<{ core: Core; ner: Ner }> {
  vi.resetModules();
  if (order === 'core first') {
    const core = await import('../index');
    return { core, ner: await import('./ner/index') };
  }
  const ner = await import('./ner/index');
  return { core: await import('../index'), ner };
}

const isClass = (value: unknown) =>
  typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));

describe('the entity recogniser is an option, not process state', () => {
  it.each(['core first', 'ner first'] as const)(
    'gives the same Article whatever else was imported and run in the process (%s)',
    async (order) => {
      const { core, ner } = await load(order);
      const before = core.parseInput(TEXT, { format: 'text' });
      // Whatever the ner entry offers, called as a user or a CLI command might, changes no one's default.
      for (const value of Object.values(ner))
        if (typeof value === 'function' && !isClass(value) && value.length === 0)
          (value as unknown as () => unknown)();
      core.parseInput(TEXT, { format: 'text', recognizer: ner.nerRecognizer });
      expect(core.parseInput(TEXT, { format: 'text' })).toEqual(before);
      expect(core.parseText(TEXT)).toEqual(
        core.parseText(TEXT, undefined, { recognizer: core.ruleRecognizer }),
      );
      expect(core.extractEntities(TEXT)).toEqual(core.extractEntities(TEXT, core.ruleRecognizer));
    },
  );

  it('reads with the recogniser the call names, the rule-based one by default', async () => {
    const { core, ner } = await load('core first');
    const byRules = core.parseInput(TEXT, { format: 'text', recognizer: core.ruleRecognizer });
    const trained = core.parseInput(TEXT, { format: 'text', recognizer: ner.nerRecognizer });
    // The two recognisers tell these names apart differently, so the option is seen to be read.
    expect(trained[0]!.entities).not.toEqual(byRules[0]!.entities);
    expect(core.parseInput(TEXT, { format: 'text' })).toEqual(byRules);
    expect(core.parseInput(TEXT, { format: 'text', recognizer: ner.nerRecognizer })).toEqual(trained);
  });

  it('reads the same Article in either import order', async () => {
    const results = [];
    for (const order of ['core first', 'ner first'] as const) {
      const { core, ner } = await load(order);
      results.push({
        rules: core.parseInput(TEXT, { format: 'text' }),
        trained: core.parseInput(TEXT, { format: 'text', recognizer: ner.nerRecognizer }),
      });
    }
    expect(results[1]).toEqual(results[0]);
  });

  it('is threaded through every format parser', async () => {
    const { core, ner } = await load('core first');
    const markdown = `# Talks in Berlin\n\n${TEXT.replace('\n', '\n\n')}`;
    const html = `<!doctype html><html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>${TEXT.split('\n')[0]}</p><p>${TEXT.split('\n')[1]}</p></article></body></html>`;
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Talks</title><description>${TEXT}</description></item></channel></rss>`;
    const json = JSON.stringify({ title: 'Talks', body: TEXT });
    const inputs = { text: TEXT, markdown, html, feed, json, ndjson: `${json}\n` } as const;
    for (const [format, content] of Object.entries(inputs)) {
      const read = (recognizer?: typeof core.ruleRecognizer) =>
        core.parseInput(content, { format: format as keyof typeof inputs, recognizer })[0]!.entities;
      expect(read(), format).toEqual(read(core.ruleRecognizer));
      expect(read(ner.nerRecognizer), format).not.toEqual(read());
    }
  });
});
