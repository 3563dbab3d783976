import { describe, expect, it } from 'vitest';
import { MAX_NEWS_IDS, NO_NEWS, newsLabel, refreshed, reselect, troubleLabel, withEvent } from './news-state';

const changed = (ids: string[], alerted: string[] = []) =>
  ({ kind: 'changed', changed: ids, alerted }) as const;

describe('the news the header counts', () => {
  it('counts each article added or updated once, however many times it changed', () => {
    let news = withEvent(NO_NEWS, changed(['a', 'b']));
    news = withEvent(news, changed(['b', 'c']));
    expect(news.fresh.size).toBe(3);
    expect(newsLabel(news)).toBe('3 new · R refresh');
  });

  it('says how many of the new ones match an alert, and keeps their marks after a refresh', () => {
    const news = withEvent(withEvent(NO_NEWS, changed(['a', 'b'], ['b'])), changed(['c'], ['c']));
    expect(newsLabel(news)).toBe('3 new (2 alerts) · R refresh');
    const after = refreshed(news);
    expect(newsLabel(after)).toBe('');
    expect([...after.alerted]).toEqual(['b', 'c']);
    expect(newsLabel(withEvent(after, changed(['b'])))).toBe('1 new (1 alert) · R refresh');
  });

  it('holds at most MAX_NEWS_IDS ids and says there are more', () => {
    const ids = Array.from({ length: MAX_NEWS_IDS + 5 }, (_, i) => `id${i}`);
    const news = withEvent(NO_NEWS, changed(ids, ids));
    expect(news.fresh.size).toBe(MAX_NEWS_IDS);
    expect(news.alerted.size).toBe(MAX_NEWS_IDS);
    expect(newsLabel(news)).toMatch(/^10,000\+ new/);
  });

  it('says "not live" for a source that cannot be followed', () => {
    const fixed = withEvent(NO_NEWS, { kind: 'trouble', message: 'serves a fixed corpus', retrying: false });
    expect(troubleLabel(fixed)).toBe('not live');
  });

  it('shows a failed poll until polls work again or a change arrives', () => {
    const down = withEvent(NO_NEWS, { kind: 'trouble', message: 'unreachable', retrying: true });
    expect(troubleLabel(down)).toBe('no updates: retrying');
    expect(troubleLabel(withEvent(down, { kind: 'trouble', message: undefined, retrying: true }))).toBe('');
    expect(troubleLabel(withEvent(down, changed(['a'])))).toBe('');
  });

  it('says the store is unreachable until it is back, keeping the count of what arrived before', () => {
    const before = withEvent(NO_NEWS, changed(['a']));
    const down = withEvent(before, { kind: 'reach', reachable: false, retrying: true, problem: 'refused' });
    expect({ down: down.storeDown, label: troubleLabel(down), news: newsLabel(down) }).toEqual({
      down: true,
      label: 'store unreachable',
      news: '1 new · R refresh',
    });
    // A notice changes nothing the header shows.
    expect(withEvent(down, { kind: 'notice', message: 'a merge failed' })).toBe(down);
    const back = withEvent(down, { kind: 'reach', reachable: true, retrying: true });
    expect({ down: back.storeDown, label: troubleLabel(back) }).toEqual({ down: false, label: '' });
    expect(withEvent(down, changed(['b'])).storeDown).toBe(false);
  });

  it("shows the core's own words for a store lost for good (its file replaced), and asks for a restart", () => {
    const problem = 'the store /x/gazette.db was replaced (…); restart to read the new one';
    const lost = withEvent(NO_NEWS, { kind: 'reach', reachable: false, retrying: false, problem });
    expect({ trouble: lost.trouble, label: troubleLabel(lost) }).toEqual({
      trouble: problem,
      label: 'not live: restart',
    });
  });
});

describe('the selection after a refresh', () => {
  it('follows its article to its new row', () => {
    expect(reselect('b', ['new', 'a', 'b', 'c'], 1)).toBe(2);
  });
  it('keeps its position, within the list, when its article is not among the rows', () => {
    expect(reselect('gone', ['a', 'b', 'c'], 1)).toBe(1);
    expect(reselect('gone', ['a'], 5)).toBe(0);
    expect(reselect(undefined, [], 3)).toBe(0);
  });
});
