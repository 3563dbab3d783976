import { describe, expect, it } from 'vitest';
import { parseHtml } from './parse-html';

const NOW = '2026-03-10T12:00:00Z';
const BODY = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Paragraph ${i}: I spent the weekend rebuilding the garden shed, and the hardest part was getting the roof felt to sit flat against the old boards.</p>`,
).join('');

/** A blog post without dates in its head: a headline, the body, then what the test puts at its foot. */
const post = (foot: string, o: { lang?: string; head?: string; outside?: string } = {}) =>
  `<!doctype html><html lang="${o.lang ?? 'en'}"><head><title>Rebuilding the shed</title>${o.head ?? ''}</head><body><div class="post"><h1>Rebuilding the shed</h1><div class="post-body">${BODY}</div>${foot}</div>${o.outside ?? ''}</body></html>`;

const read = (html: string, url?: string) => parseHtml(html, { now: NOW, ...(url ? { url } : {}) });

describe('foot-of-post: the dates a blog writes under its post', () => {
  it('"Posted on 3 March 2026" in the post\'s own footer is its publication date (was none)', () => {
    for (const foot of [
      '<footer class="entry-footer">Posted on 3 March 2026 by Sam</footer>',
      '<div class="post-footer"><span>Posted on <a href="/shed">March 3, 2026</a></span></div>',
      '<p class="postmeta">Publié le 3 mars 2026</p>',
      '<footer><time class="entry-date published" datetime="2026-03-03T09:00:00+00:00">3 March</time></footer>',
      '<p>Published: 2026-03-03</p>',
    ]) {
      const a = read(post(foot));
      expect(a.publishedAt?.slice(0, 10), foot).toBe('2026-03-03');
      expect(a.provenance.fields.publishedAt, foot).toBe('html:foot-of-post');
    }
  });

  it('a short line closing the body itself ("Posted on …" that Readability keeps as its last paragraph) is read as the foot', () => {
    const html = post('').replace('</div></div>', '<p>Posted on 3 March 2026 by Sam</p></div></div>');
    expect(read(html).publishedAt).toBe('2026-03-03');
    expect(read(html).provenance.fields.publishedAt).toBe('html:foot-of-post');
  });

  it('"Last updated" gives the update, never the publication', () => {
    const a = read(post('<p class="meta">Last updated 5 March 2026</p>'));
    expect(a.updatedAt).toBe('2026-03-05');
    expect(a.publishedAt).toBeUndefined();
    const both = read(post('<footer>Posted on 3 March 2026 · Last updated on 5 March 2026</footer>'));
    expect([both.publishedAt, both.updatedAt]).toEqual(['2026-03-03', '2026-03-05']);
  });

  it('reads a day-first all-number date in the page\'s language: "Posted 03/04/2026" on a British page', () => {
    expect(read(post('<p>Posted 03/02/2026</p>', { lang: 'en-GB' })).publishedAt).toBe('2026-02-03');
    expect(read(post('<p>Posted 03/02/2026</p>', { lang: 'en-US' })).publishedAt).toBe('2026-03-02');
    expect(read(post('<p>Posted 03/02/2026</p>', { lang: 'en' })).publishedAt).toBeUndefined();
  });
});

describe('foot-of-post refuses the dates of others', () => {
  const refused: Array<[string, string]> = [
    [
      'a comment',
      '<div class="comments"><h3>2 comments</h3><p>Jo said on 4 March 2026: lovely shed</p></div>',
    ],
    ['a comment without a heading', '<ol class="comment-list"><li>Posted on 4 March 2026 by Jo</li></ol>'],
    [
      'a related-posts list',
      '<ul><li><a href="/a">Fixing the fence</a> 1 March 2026</li><li><a href="/b">A new gate</a> 2 March 2026</li><li><a href="/c">Paint</a> 3 March 2026</li></ul>',
    ],
    [
      'a prev/next link',
      '<div class="nav-previous"><a href="/p">Posted on 1 March 2026: the fence</a></div>',
    ],
    ['a link to another post', '<p><a href="/fence">Fixing the garden fence, posted 1 March 2026</a></p>'],
    ['a sidebar', '<aside class="sidebar"><p>Posted on 1 March 2026</p></aside>'],
    ['a copyright line', '<p class="meta">© 2026 Sam. Last updated on 5 March 2026</p>'],
    [
      'an author bio',
      '<div class="author-bio"><p class="meta">Sam has blogged since 3 March 2016.</p><p>Joined 3 March 2016</p></div>',
    ],
    ['an event in the text', '<p>The open day is on 14 March 2026, come along.</p>'],
  ];
  for (const [what, foot] of refused)
    it(`${what} gives no date`, () => {
      const a = read(post(foot));
      expect(a.publishedAt, foot).toBeUndefined();
      expect(a.updatedAt, foot).toBeUndefined();
    });

  it("a page footer past the post (the site's) gives none, nor does a date far below the body", () => {
    const siteFooter = '<footer class="site-footer"><p>Posted on 3 March 2026</p></footer>';
    expect(read(post('', { outside: siteFooter })).publishedAt).toBeUndefined();
    const far = `<div class="extra">${'<p>Share this with friends and family, and subscribe.</p>'.repeat(15)}<p>Posted on 3 March 2026</p></div>`;
    expect(read(post(far)).publishedAt).toBeUndefined();
  });
});

describe('copyright lines are never a date source', () => {
  it('not under the headline, not in a <time>, not in a marked element', () => {
    const head = (after: string) =>
      `<!doctype html><html lang="en"><head><title>Rebuilding the shed</title></head><body><article><h1>Rebuilding the shed</h1>${after}${BODY}</article></body></html>`;
    for (const after of [
      '<p class="meta">© Sam Jones, 3 March 2019</p>',
      '<p>Copyright <time datetime="2019-03-03">3 March 2019</time> Sam Jones. All rights reserved.</p>',
      '<p><span class="published">3 March 2019</span> — © Sam Jones</p>',
    ])
      expect(read(head(after)).publishedAt, after).toBeUndefined();
  });
});

describe('url-date: the last resort', () => {
  it('/2026/03/06/, /2026-03-06/ and /20260306/ give the day when the page gives none', () => {
    for (const url of [
      'https://blog.example/2026/03/06/shed',
      'https://blog.example/2026-03-06/shed',
      'https://blog.example/posts/20260306/shed',
    ])
      expect(read(post(''), url).publishedAt, url).toBe('2026-03-06');
  });

  it('a date the page writes at its foot wins over the URL; no day that does not exist, none after now', () => {
    expect(
      read(post('<p>Posted on 3 March 2026</p>'), 'https://blog.example/2026/03/06/shed').publishedAt,
    ).toBe('2026-03-03');
    for (const url of [
      'https://blog.example/2026/02/30/shed',
      'https://blog.example/2026/03/shed',
      'https://blog.example/2026/04/06/shed',
    ])
      expect(read(post(''), url).publishedAt, url).toBeUndefined();
  });

  it("the URL's month settles an all-number date on a page whose language does not", () => {
    const foot = '<p>Posted 03/02/2026</p>';
    expect(read(post(foot), 'https://blog.example/2026/02/shed').publishedAt).toBe('2026-02-03');
    expect(read(post(foot), 'https://blog.example/2026/03/shed').publishedAt).toBe('2026-03-02');
  });
});

describe("page-date-order: the page's language from its meta tags", () => {
  const noLang = (head: string, after: string) =>
    `<!doctype html><html><head><title>Rebuilding the shed</title>${head}</head><body><article><h1>Rebuilding the shed</h1>${after}${BODY}</article></body></html>`;
  it('og:locale, Content-Language and DC.language give the order of a date near the headline and in a meta tag', () => {
    const date = '<p class="date">03/02/2026</p>';
    expect(read(noLang('<meta property="og:locale" content="en_US">', date)).publishedAt).toBe('2026-03-02');
    expect(read(noLang('<meta http-equiv="Content-Language" content="de-DE">', date)).publishedAt).toBe(
      '2026-02-03',
    );
    expect(read(noLang('<meta name="DC.language" content="fr">', date)).publishedAt).toBe('2026-02-03');
    expect(read(noLang('', date)).publishedAt).toBeUndefined();
    const meta = '<meta name="publish_date" content="03/02/2026 07:01:00">';
    expect(read(noLang(`${meta}<meta property="og:locale" content="en_US">`, '')).publishedAt).toBe(
      '2026-03-02T07:01:00',
    );
    expect(read(noLang(meta, '')).publishedAt).toBeUndefined();
  });

  it('another date of the page that shows its order settles it: 25/02/2026 in the text makes 03/02/2026 day first', () => {
    const after = '<p class="date">03/02/2026</p>';
    const html = noLang('', after).replace('</article>', '</article><p>Offer ends 25/02/2026.</p>');
    expect(read(html).publishedAt).toBe('2026-02-03');
  });
});
