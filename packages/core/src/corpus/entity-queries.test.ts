import { describe, expect, it } from 'vitest';
import type { Article } from '../model/article-schema';
import { fixture } from '../../test-support/test-articles';
import { compareNewest, compareOldest } from './components/compare-articles';
import { createCorpus, loadCorpus } from './create-corpus';
import { seededRandom as rand } from '../../test-support/seeded-random';

// A seeded corpus where entities overlap a lot, so the postings paths meet shared and repeated values.
const r = rand(7);
const pool = Array.from({ length: 12 }, (_, i) => ({
  id: `person:p${i}`,
  name: `Person ${i}`,
  type: 'person' as const,
  aliases: [`Alias${i % 5}`],
}));
const words = ['budget', 'match', 'vote', 'league', 'tax', 'court', 'film', 'oil', 'bank', 'strike'];
const articles: Article[] = Array.from({ length: 60 }, (_, i) => {
  const ents = pool.filter(() => r() < 0.25);
  const body = Array.from({ length: 3 }, () =>
    Array.from({ length: 8 }, () => words[Math.floor(r() * words.length)]).join(' '),
  );
  return fixture({
    title: `Story ${i} ${words[i % words.length]}`,
    body,
    publishedAt: `202${i % 4}-0${1 + (i % 9)}-1${i % 10}`,
    section: i % 3 ? 'news' : 'sport',
    entities: ents,
    quotes: ents.length ? [{ text: `Quote ${i}`, speaker: ents[0]!.name }] : [],
  });
});
const corpus = createCorpus(articles);
const holds = (a: Article, entity: string) =>
  a.entities.some(
    (e) => e.id === entity || [e.name, ...e.aliases].some((n) => n.toLowerCase() === entity.toLowerCase()),
  );

describe('entity filter', () => {
  it('keeps exactly the articles naming the entity by id, name or alias, with other filters', () => {
    for (const entity of ['person:p3', 'Person 7', 'alias2', 'nobody']) {
      for (const section of [undefined, 'sport']) {
        const want = articles.filter((a) => holds(a, entity) && (!section || a.section === section));
        const filters = section ? { entity, section } : { entity };
        const got = corpus.list({ filters, limit: 100 });
        expect(new Set(got.items.map((a) => a.id))).toEqual(new Set(want.map((a) => a.id)));
        expect(corpus.timeline({ filters }).total).toBe(want.length);
        const sections = corpus.facets({ filters, facets: ['section'] }).section ?? [];
        expect(sections.reduce((n, s) => n + s.count, 0)).toBe(want.length);
        expect(corpus.search({ q: 'budget', filters }).total).toBe(
          want.filter((a) => [a.title, ...a.body.map((b) => b.text)].some((t) => t.includes('budget')))
            .length,
        );
      }
    }
  });
});

describe('related', () => {
  it('ranks by score, ties by corpus order, and honours limit and filters', () => {
    for (const a of articles.slice(0, 20)) {
      const items = corpus.related(a.id, { limit: 7 }).items;
      expect(items.length).toBeLessThanOrEqual(7);
      expect(items.map((i) => i.id)).not.toContain(a.id);
      for (let i = 1; i < items.length; i++)
        expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score);
      const sport = corpus.related(a.id, { limit: 50, filters: { section: 'sport' } }).items;
      expect(sport.every((i) => i.section === 'sport')).toBe(true);
    }
  });

  it('scores 2 per shared entity when no term is shared', () => {
    const x = fixture({
      title: 'Alpha',
      body: ['zzqx'],
      entities: [pool[0]!, pool[1]!],
    });
    const y = fixture({ title: 'Beta', body: ['wwvk'], entities: [pool[0]!, pool[1]!] });
    const z = fixture({ title: 'Gamma', body: ['yyut'], entities: [pool[1]!] });
    const c = createCorpus([x, y, z]);
    expect(c.related(x.id).items.map((i) => [i.id, i.score])).toEqual([
      [y.id, 4],
      [z.id, 2],
    ]);
  });
});

describe('entities()', () => {
  it('pages every sort with cursors, each entity once, as one big page orders them', () => {
    for (const sort of ['mentions', 'articles', 'name'] as const) {
      const all = corpus.entities({ sort, limit: 100 }).items.map((e) => e.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const p = corpus.entities({ sort, limit: 5, ...(cursor ? { cursor } : {}) });
        paged.push(...p.items.map((e) => e.id));
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(all);
      expect(all.length).toBe(pool.length);
    }
  });
});

describe('entity()', () => {
  const brute = (list: readonly Article[], id: string) => {
    const co = new Map<string, { id: string; name: string; type: string; count: number }>();
    for (const a of list.filter((a) => a.entities.some((e) => e.id === id)))
      for (const e of a.entities) {
        if (e.id === id) continue;
        const c = co.get(e.id) ?? { id: e.id, name: e.name, type: e.type, count: 0 };
        c.count++;
        co.set(e.id, c);
      }
    return [...co.values()].sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)).slice(0, 20);
  };

  it('counts co-occurring entities like a walk over the articles, loaded or not', () => {
    const loaded = loadCorpus(corpus.toSnapshot().slice());
    const order = corpus.list({ limit: 100 }).items.map((s) => articles.find((a) => a.id === s.id)!);
    for (const p of pool) {
      const d = corpus.entity(p.id);
      expect(d?.coOccurring).toEqual(brute(order, p.id));
      expect(loaded.entity(p.id)).toEqual(d);
      expect(d?.quotes.every((q) => q.articleId && d.articles.some((a) => a.id === q.articleId))).toBe(true);
    }
  });

  it('counts each mention when an article repeats an entity id', () => {
    const a = fixture({ title: 'Twice', body: ['x'], entities: [pool[0]!, pool[1]!, pool[1]!] });
    const b = fixture({ title: 'Once', body: ['y'], entities: [pool[0]!, pool[2]!] });
    const d = createCorpus([a, b]).entity(pool[0]!.id);
    expect(d?.coOccurring.map((c) => [c.id, c.count])).toEqual([
      [pool[1]!.id, 2],
      [pool[2]!.id, 1],
    ]);
  });
});

describe('quotes()', () => {
  // Every quote in corpus order, as a walk over the articles gives them.
  const order = corpus.list({ limit: 100 }).items.map((s) => articles.find((a) => a.id === s.id)!);
  const all = order.flatMap((a) =>
    a.quotes.map((q) => ({ text: q.text, speaker: q.speaker, articleId: a.id })),
  );
  const pick = (items: Array<{ text: string; speaker?: string | undefined; articleId: string }>) =>
    items.map((q) => ({ text: q.text, speaker: q.speaker, articleId: q.articleId }));
  const loaded = loadCorpus(corpus.toSnapshot());

  it('pages through every quote with cursors, loaded or not', () => {
    for (const c of [corpus, loaded]) {
      const seen: Array<{ text: string; speaker?: string | undefined; articleId: string }> = [];
      let cursor: string | undefined;
      do {
        const page = c.quotes({ limit: 7, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(all.length);
        seen.push(...pick(page.items));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    }
  });

  it('finds a speaker by name (any case), and quotes by words', () => {
    const who = pool[3]!;
    const want = all.filter((q) => q.speaker === who.name);
    expect(want.length).toBeGreaterThan(0);
    for (const c of [corpus, loaded]) {
      expect(pick(c.quotes({ speaker: who.name.toUpperCase(), limit: 100 }).items)).toEqual(want);
      expect(c.quotes({ speaker: 'Nobody Here', limit: 100 }).total).toBe(0);
      const byWords = c.quotes({ q: 'quote 1', limit: 100 }).items.map((q) => q.text);
      const has = (t: string) => {
        const own = t.toLowerCase().split(/[^\p{L}\p{N}]+/u);
        return ['quote', '1'].every((w) => own.some((x) => x.startsWith(w)));
      };
      expect(byWords).toEqual(all.filter((q) => has(q.text)).map((q) => q.text));
    }
  });
});

describe('list()', () => {
  it('pages newest and oldest first with cursors, like the articles sorted by date then id', () => {
    for (const sort of ['newest', 'oldest'] as const) {
      const want = [...articles].sort(sort === 'newest' ? compareNewest : compareOldest).map((a) => a.id);
      const got: string[] = [];
      let cursor: string | undefined;
      do {
        const p = corpus.list({ sort, limit: 9, ...(cursor ? { cursor } : {}) });
        expect(p.total).toBe(articles.length);
        got.push(...p.items.map((s) => s.id));
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      expect(got).toEqual(want);
      // The same order through the filtered path (a filter every article passes).
      expect(corpus.list({ sort, limit: 100, filters: { after: '0000' } }).items.map((s) => s.id)).toEqual(
        want,
      );
    }
  });

  it('with a query, lists the articles search finds, in date order, paged, without snippets', () => {
    for (const q of ['budget', 'tax OR oil', 'court -film', 'leag*']) {
      for (const sort of ['newest', 'oldest'] as const) {
        const found = corpus.search({ q, sort, limit: 100 }).hits.map((h) => h.id);
        expect(found.length, q).toBeGreaterThan(0);
        const got: string[] = [];
        let cursor: string | undefined;
        do {
          const p = corpus.list({ q, sort, limit: 7, ...(cursor ? { cursor } : {}) });
          expect(p.total).toBe(found.length);
          expect(p.items.every((s) => !('snippets' in s))).toBe(true);
          got.push(...p.items.map((s) => s.id));
          cursor = p.nextCursor ?? undefined;
        } while (cursor);
        expect(got, `${q} ${sort}`).toEqual(found);
      }
    }
    // A cursor of one query is refused by another.
    const next = corpus.list({ q: 'budget', limit: 1 }).nextCursor!;
    expect(() => corpus.list({ q: 'tax', limit: 1, cursor: next })).toThrow(/cursor/i);
  });
});

describe('quotes() by a speaker named with stop words only', () => {
  it('finds them, loaded or not', () => {
    const band = fixture({
      title: 'A band speaks',
      body: ['The band spoke.'],
      publishedAt: '2024-02-01',
      quotes: [{ text: 'We will play on', speaker: 'The Who' }],
    });
    const other = fixture({ title: 'Another', body: ['Quiet.'], publishedAt: '2024-02-02' });
    const c = createCorpus([band, other]);
    for (const x of [c, loadCorpus(c.toSnapshot())])
      expect(x.quotes({ speaker: 'the who' }).items.map((q) => q.text)).toEqual(['We will play on']);
  });
});

describe('quotes() by words', () => {
  const texts = [
    'The economy grew faster than forecast',
    'Économie et emploi: the minister was optimistic',
    'We are the economists of record',
    'Running costs rose by 20% in 2024',
    'Nothing about money at all',
    'The buses ran late again',
  ];
  const articles = texts.map((text, i) =>
    fixture({
      title: `Story ${i}`,
      body: [`Body ${i}.`],
      publishedAt: `2024-03-0${i + 1}`,
      quotes: [{ text, speaker: `Speaker ${i}` }],
    }),
  );
  const c = createCorpus(articles);
  const loaded = loadCorpus(c.toSnapshot());
  const brute = (q: string) => {
    const words = q
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    return texts
      .filter((t) => {
        const own = t
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u);
        return words.every((w) => own.some((x) => x.startsWith(w)));
      })
      .sort();
  };

  it('finds quotations with a word starting with each word asked, like a walk over every quotation', () => {
    for (const q of [
      'econ',
      'economy',
      'economie',
      'ÉCONOMIE',
      'the',
      'th',
      'run',
      'running costs',
      'bus',
      '20',
      '202',
      'minister econ',
      'zzz',
    ])
      for (const x of [c, loaded])
        expect(
          x
            .quotes({ q, limit: 100 })
            .items.map((i) => i.text)
            .sort(),
          q,
        ).toEqual(brute(q));
  });
});

describe('quotes credited to an entity', () => {
  const macron = {
    id: 'person:macron',
    name: 'Emmanuel Macron',
    type: 'person' as const,
    aliases: ['Macron'],
  };
  const said = (i: number, who: 'id' | 'name' | 'other') =>
    fixture({
      title: `Visit ${i}`,
      body: [`Day ${i}.`],
      publishedAt: `2024-04-${String(10 + i)}`,
      // Some articles credit him by id without listing him among their entities.
      entities: i % 3 === 0 ? [] : [macron],
      quotes: [
        who === 'id'
          ? {
              text: `Statement ${i}`,
              speaker: i % 2 ? 'Macron' : 'Emmanuel Macron',
              speakerEntityId: macron.id,
            }
          : who === 'name'
            ? { text: `Remark ${i}`, speaker: 'Emmanuel Macron' }
            : { text: `Reply ${i}`, speaker: 'Someone Else' },
      ],
    });
  const articles = Array.from({ length: 12 }, (_, i) =>
    said(i, i % 3 === 1 ? 'name' : i % 4 === 0 ? 'other' : 'id'),
  );
  const c = createCorpus(articles);
  const order = c.list({ limit: 100 }).items.map((s) => articles.find((a) => a.id === s.id)!);
  const credited = order.flatMap((a) =>
    a.quotes.filter((q) => q.speakerEntityId === macron.id).map((q) => q.text),
  );

  it('entity() and quotes({ speaker: id }) list exactly the quotations credited to its id, loaded or not', () => {
    expect(credited.length).toBeGreaterThan(2);
    for (const x of [c, loadCorpus(c.toSnapshot())]) {
      expect(x.entity(macron.id)?.quotes.map((q) => q.text)).toEqual(credited);
      expect(x.quotes({ speaker: macron.id, limit: 100 }).items.map((q) => q.text)).toEqual(credited);
      // By name: every quotation credited to that name, and every one of the entity of that name.
      const byName = order.flatMap((a) =>
        a.quotes
          .filter((q) => q.speaker === 'Emmanuel Macron' || q.speakerEntityId === macron.id)
          .map((q) => q.text),
      );
      expect(x.quotes({ speaker: 'emmanuel macron', limit: 100 }).items.map((q) => q.text)).toEqual(byName);
    }
  });

  it('quotes({ speaker: "Macron" }) matches any alias of the speaking entity, as speaker:macron does in search', () => {
    const isHis = (a: Article, q: Article['quotes'][number]) =>
      q.speakerEntityId === macron.id ||
      q.speaker === 'Macron' ||
      a.entities.some(
        (e) => e.id === q.speakerEntityId && [e.name, ...e.aliases].some((n) => n.toLowerCase() === 'macron'),
      );
    const want = order.flatMap((a) => a.quotes.filter((q) => isHis(a, q)).map((q) => q.text));
    expect(want.length).toBeGreaterThan(credited.length - 1);
    for (const x of [c, loadCorpus(c.toSnapshot())]) {
      for (const asked of ['Macron', 'macron', 'MACRON'])
        expect(x.quotes({ speaker: asked, limit: 100 }).items.map((q) => q.text)).toEqual(want);
      // "Emmanuel" is no alias of his: only the words of a name or alias as written match.
      expect(x.quotes({ speaker: 'Emmanuel', limit: 100 }).total).toBe(0);
    }
  });
});

describe("quotes({ speaker }) by an alias only the quotation's own article gives", () => {
  it('finds the speaker aliased "Dupont" in its article, though the corpus first met him without it', () => {
    const full = {
      id: 'person:jean-dupont',
      name: 'Jean Dupont',
      type: 'person' as const,
      aliases: ['Jean Dupont'],
    };
    const articles = [
      fixture({
        title: 'First',
        body: ['Jean Dupont arrived.'],
        publishedAt: '2024-01-01',
        entities: [full],
      }),
      fixture({
        title: 'Second',
        body: ['Dupont spoke.'],
        publishedAt: '2024-01-02',
        entities: [{ ...full, aliases: ['Jean Dupont', 'Dupont'] }],
        quotes: [{ text: 'We will rebuild', speaker: 'Jean Dupont', speakerEntityId: full.id }],
      }),
    ];
    const c = createCorpus(articles);
    expect(c.quotes({ speaker: 'Dupont' }).items.map((q) => q.text)).toEqual(['We will rebuild']);
  });
});

describe('quotes({ statements: true })', () => {
  // Words woven into the writer's sentence ("hostage") and short fragments are quotations, not statements:
  // the site's /quotes page and entity pages list only statements, as the article page pulls out only them.
  const quoteTexts = [
    'hostage',
    'We will not give in to threats of any kind',
    'a red line',
    'The talks resume on Monday with both delegations present',
  ];
  const articles = Array.from({ length: 9 }, (_, i) =>
    fixture({
      title: `Talks ${i}`,
      body: [`Body ${i}.`],
      publishedAt: `2024-04-0${i + 1}`,
      quotes: quoteTexts.map((text) => ({ text, speaker: `Speaker ${i % 3}` })),
    }),
  );
  for (const c of [createCorpus(articles), loadCorpus(createCorpus(articles).toSnapshot())]) {
    it('lists and counts only whole quotations of a sentence, paged, alone and with a speaker or words', () => {
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = c.quotes({ statements: true, limit: 4, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(18);
        all.push(...page.items.map((q) => q.text));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(all).toHaveLength(18);
      expect(new Set(all)).toEqual(new Set([quoteTexts[1], quoteTexts[3]]));
      expect(c.quotes({ statements: true, speaker: 'Speaker 1', limit: 100 }).total).toBe(6);
      expect(c.quotes({ statements: true, q: 'red', limit: 100 }).total).toBe(0);
      expect(c.quotes({ limit: 1 }).total).toBe(36);
    });
  }
});

describe('quotes({ statements: true }) over many articles', () => {
  // Counted from the index and paged by key: only a page's articles are read, as for every quote.
  const quoteTexts = ['hostage', 'We will not give in to threats of any kind at all', 'a red line'];
  const many = Array.from({ length: 300 }, (_, i) =>
    fixture({
      title: `Story ${i}`,
      body: [`Body ${i}.`],
      publishedAt: `2024-0${1 + (i % 9)}-1${i % 10}`,
      // Every third article quotes only fragments: no statement to list.
      quotes: (i % 3 === 0 ? [quoteTexts[0]!, quoteTexts[2]!] : quoteTexts).map((text) => ({
        text,
        speaker: 'S',
      })),
    }),
  );
  const corpus = createCorpus(many);
  it('counts every statement and pages each once, whichever articles hold none', () => {
    let reads = 0;
    const first = corpus.quotes({ statements: true, limit: 5 });
    expect(first.total).toBe(200);
    expect(first.items).toHaveLength(5);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = corpus.quotes({ statements: true, limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((q) => q.articleId));
      for (const q of page.items) expect(q.text).toBe(quoteTexts[1]);
      cursor = page.nextCursor ?? undefined;
      reads++;
    } while (cursor);
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
    expect(reads).toBe(Math.ceil(200 / 7));
  });
});
