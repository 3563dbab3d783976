import { type Article, createCorpus } from '@gazette/core';
import { createAlert } from '@gazette/core/query';
import type { LiveCorpus, LiveVersion } from '@gazette/core/node';
import { afterEach, describe, expect, it } from 'vitest';
import { alertedAmong, type LiveEvent, type LiveFeed, liveFeed } from '../source/live-feed';
import { liveLocalSource } from '../source/live-source';
import { macronArticle, manyArticles, nigerArticle } from '../testing/fixture-articles';
import { renderApp } from '../testing/render-app';

/** A live corpus a test moves on by hand: each push is a new version with the articles it changed. */
function pushableLive(initial: Article[]) {
  const byId = new Map(initial.map((a) => [a.id, a]));
  let corpus = createCorpus(initial);
  let version: LiveVersion = { revision: 'r0', seq: 0, articles: corpus.size, segments: 1 };
  const listeners = new Set<(version: LiveVersion, changed: readonly string[]) => void>();
  const reachListeners = new Set<
    (reachable: boolean, problem: string | undefined, retrying: boolean) => void
  >();
  let problem: string | undefined;
  const live: LiveCorpus = {
    corpus: () => corpus,
    version: () => version,
    storeProblem: () => problem,
    storeRetrying: () => true,
    onReach(listener) {
      reachListeners.add(listener);
      return () => reachListeners.delete(listener);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
  const push = (...articles: Article[]) => {
    for (const a of articles) byId.set(a.id, a);
    corpus = createCorpus([...byId.values()]);
    version = { revision: `r${version.seq + 1}`, seq: version.seq + 1, articles: corpus.size, segments: 1 };
    for (const l of [...listeners])
      l(
        version,
        articles.map((a) => a.id),
      );
  };
  /** The store goes away (with why) or comes back (undefined). */
  const reach = (why: string | undefined) => {
    problem = why;
    for (const l of [...reachListeners]) l(why === undefined, why, true);
  };
  return { live, push, reach };
}

/** A feed whose trouble a test sends, wrapped around a pushable live corpus. */
function troubledFeed(base: LiveFeed) {
  const listeners = new Set<(event: LiveEvent) => void>();
  const feed: LiveFeed = {
    subscribe(listener) {
      listeners.add(listener);
      const off = base.subscribe(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
    close: () => base.close(),
  };
  return {
    feed,
    say: (message: string | undefined) => {
      for (const l of listeners) l({ kind: 'trouble', message, retrying: true });
    },
  };
}

const newer = (title: string, day: string): Article => ({
  ...manyArticles(1)[0]!,
  id: `a_${Buffer.from(title).toString('hex').padEnd(16, '0').slice(0, 16)}`,
  slug: title.toLowerCase().replace(/\W+/g, '-'),
  title,
  publishedAt: `${day}T12:00:00Z`,
});

let unmounts: Array<() => void> = [];
afterEach(() => {
  for (const u of unmounts) u();
  unmounts = [];
});
function start(source: Parameters<typeof renderApp>[0]) {
  const ui = renderApp(source);
  unmounts.push(ui.unmount);
  return ui;
}

describe('following a live corpus', () => {
  it('counts new articles in the header, shows them on R, and keeps the selection on its article', async () => {
    const { live, push } = pushableLive([macronArticle(), nigerArticle()]);
    const ui = start(liveLocalSource(live, 'live store'));
    await ui.waitFor((s) => s.includes('Niger junta'), 'the list');
    await ui.press('j');
    await ui.waitFor((s) => s.includes('2/2'), 'the second row selected');
    push(newer('Fresh news from the wire', '2024-05-01'));
    await ui.waitFor((s) => s.includes('1 new · R refresh'), 'the count of new articles');
    // Nothing moves until the user asks.
    expect(ui.screen()).not.toContain('Fresh news');
    await ui.press('R');
    await ui.waitFor((s) => s.includes('Fresh news'), 'the new article in the list');
    expect(ui.screen()).not.toContain('1 new');
    // The selection followed its article (Niger, now the third row).
    await ui.waitFor((s) => s.includes('3/3'), 'the selection on the same article');
    await ui.press('\r');
    await ui.waitFor((s) => s.includes('The ban takes effect'), 'the same article opened');
  });

  it('back from the reader, the selection is on the article it was on, whatever came meanwhile', async () => {
    const { live, push } = pushableLive([macronArticle(), nigerArticle()]);
    const ui = start(liveLocalSource(live, 'live store'));
    await ui.waitFor((s) => s.includes('Niger junta'), 'the list');
    await ui.press('j');
    await ui.waitFor((s) => s.includes('2/2'), 'the second row selected');
    await ui.press('\r');
    await ui.waitFor((s) => s.includes('The ban takes effect'), 'the article');
    push(newer('Fresh news from the wire', '2024-05-01'));
    await ui.waitFor((s) => s.includes('1 new'), 'the count');
    await ui.press('\u001b');
    await ui.waitFor((s) => s.includes('3/3'), 'the selection on the same article (now the third row)');
    await ui.press('\r');
    await ui.waitFor((s) => s.includes('The ban takes effect'), 'the same article opened');
  });

  it('marks the new articles that match an alert, in the count and on their rows', async () => {
    const { live, push } = pushableLive([macronArticle()]);
    const alerts = [createAlert({ query: 'airspace' }, '2024-01-01T00:00:00Z')];
    const feed = liveFeed(live, (changed) => alertedAmong(alerts, changed, (id) => live.corpus().get(id)));
    const ui = start(liveLocalSource(live, 'live store', feed));
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    push(nigerArticle(), newer('Fresh news from the wire', '2024-05-01'));
    await ui.waitFor((s) => s.includes('2 new (1 alert)'), 'the count with the alert');
    await ui.press('R');
    await ui.waitFor((s) => s.includes('! Niger junta'), 'the alert mark on its row');
    expect(ui.screen()).not.toContain('! Fresh news');
    expect(ui.screen()).not.toContain('! Macron');
  });

  it('shows a failed poll as a short status, keeps answering keys, and clears it when polls work again', async () => {
    const { live, push } = pushableLive([macronArticle()]);
    const { feed, say } = troubledFeed(liveFeed(live));
    const ui = start(liveLocalSource(live, 'live store', feed));
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    say('The Gazette API at http://127.0.0.1:9 is unreachable (/v1/changes).');
    await ui.waitFor((s) => s.includes('no updates: retrying'), 'the trouble in the header');
    expect(ui.screen()).toContain('127.0.0.1:9 is unreachable');
    await ui.press('?');
    await ui.waitFor((s) => s.includes('Keys'), 'the help, while polls fail');
    await ui.press('?');
    push(nigerArticle());
    await ui.waitFor((s) => s.includes('1 new') && !s.includes('no updates'), 'the trouble gone');
  });

  it('says on the status line that the store is unreachable while it is, keeps the list and keys, and says when it is back', async () => {
    const { live, push, reach } = pushableLive([macronArticle()]);
    const notices = new Set<(line: string) => void>();
    const feed = liveFeed({
      ...live,
      onNotice: (l) => {
        notices.add(l);
        return () => notices.delete(l);
      },
    });
    const ui = start(liveLocalSource(live, 'live store', feed));
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    // The reader's own notice comes first (as the core tells it), then the reach event.
    for (const l of notices) l('could not follow the store (Cannot read the PostgreSQL store …)');
    reach('Cannot read the PostgreSQL store postgres://u@127.0.0.1:5/db: nothing answers there.');
    await ui.waitFor(
      (s) => s.includes('store unreachable — showing what was loaded; retrying'),
      'the status line',
    );
    const down = ui.screen();
    expect(down).toContain('Macron recalls');
    expect(down).not.toContain('could not follow');
    // Another screen and back: the status line still says the store is away.
    await ui.press('?');
    await ui.waitFor((s) => s.includes('Keys'), 'the help');
    await ui.press('?');
    await ui.waitFor(
      (s) => s.includes('Macron recalls') && s.includes('store unreachable —'),
      'the list again',
    );
    reach(undefined);
    push(nigerArticle());
    await ui.waitFor(
      (s) => s.includes('store reachable again — up to date') && s.includes('1 new'),
      'the store back and the count',
    );
    expect(ui.screen()).not.toContain('store unreachable');
  });

  it('puts a notice of the reader on the status line, not on the screen around it', async () => {
    const { live } = pushableLive([macronArticle()]);
    let say: ((line: string) => void) | undefined;
    const feed = liveFeed({
      ...live,
      onNotice: (l) => {
        say = l;
        return () => {
          say = undefined;
        };
      },
    });
    const ui = start(liveLocalSource(live, 'live store', feed));
    await ui.waitFor((s) => s.includes('Macron recalls'), 'the list');
    say?.('a background merge failed (disk full); the segments stay as they are.');
    await ui.waitFor((s) => s.includes('a background merge failed'), 'the notice on the status line');
    const lines = ui.screen().trimEnd().split('\n');
    expect(lines.findIndex((l) => l.includes('a background merge failed'))).toBe(lines.length - 1);
  });

  it('refreshes search results in place, keeping the query', async () => {
    const { live, push } = pushableLive([macronArticle(), nigerArticle()]);
    const ui = start(liveLocalSource(live, 'live store'));
    await ui.waitFor((s) => s.includes('Niger junta'), 'the list');
    await ui.press('/', 'f', 'r', 'e', 'n', 'c', 'h');
    await ui.waitFor((s) => s.includes('2 results'), 'the first results');
    push(newer('French wine harvest begins', '2024-05-01'));
    await ui.waitFor((s) => s.includes('1 new'), 'the count');
    await ui.press('\t', 'R');
    await ui.waitFor((s) => s.includes('3 results') && s.includes('French wine'), 'the new hit');
    expect(ui.screen()).toContain('/ french');
  });
});
