import { describe, expect, it } from 'vitest';
import { parseHtml } from './parse-html';

const STORY =
  'The government announced on Tuesday that it would raise the minimum wage by five percent next year, a move welcomed by unions across the country and by many employers.';
const paragraphs = `<p>${STORY}</p><p>${STORY}</p><p>${STORY}</p>`;

describe('authors only from the story itself', () => {
  it('a byline in a module of other stories ("more stories") is not the author', () => {
    const html = `<html><head><title>Wage rise</title></head><body><header><h1>Wage rise</h1></header><main>
      <div class="more-stories"><h2>More on this</h2><div class="card"><h3><a href="/x">Unions welcome deal</a></h3>
      <span class="byline">By Jane Doe</span></div></div><article>${paragraphs}</article></main></body></html>`;
    const a = parseHtml(html);
    expect(a.byline).toEqual([]);
    expect(a.quality).toContain('no-byline');
  });

  it("the story's own byline element is still read, and wins over a module's", () => {
    const html = `<html><head><title>Wage rise</title></head><body><main>
      <div class="most-read"><span class="byline">By Jane Doe</span></div>
      <article><h1>Wage rise</h1><p class="byline">By Ana Ruiz</p>${paragraphs}</article></main></body></html>`;
    expect(parseHtml(html).byline).toEqual(['Ana Ruiz']);
    const own = `<html><head><title>Wage rise</title></head><body><article><h1>Wage rise</h1>
      <span class="author">By Ana Ruiz</span>${paragraphs}</article></body></html>`;
    expect(parseHtml(own).byline).toEqual(['Ana Ruiz']);
    // A layout class on <body> ("sidebar-primary") does not make the whole page a module.
    expect(parseHtml(own.replace('<body>', '<body class="single sidebar-primary">')).byline).toEqual([
      'Ana Ruiz',
    ]);
  });

  it('a section front (a list of stories, each with its byline) is given no author', () => {
    const teasers = [1, 2, 3, 4, 5]
      .map(
        (i) =>
          `<article class="teaser"><h2><a href="/s${i}">Story ${i} about the budget and taxes</a></h2><p class="byline">By Ann Smith</p><p>${STORY}</p></article>`,
      )
      .join('');
    const front = `<html><head><title>Politics | The Paper</title><meta property="og:type" content="website"></head><body>${teasers}</body></html>`;
    expect(parseHtml(front).byline).toEqual([]);
    const collection = front.replace(
      '</head>',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","name":"Politics"}</script><meta name="author" content="Desk Editor Jim Bean"></head>',
    );
    expect(parseHtml(collection).byline).toEqual([]);
    // The same teasers on a page marked as an article: its author is read.
    const article = front.replace('content="website"', 'content="article"').replaceAll('"teaser"', '"story"');
    expect(parseHtml(article).byline).toEqual(['Ann Smith']);
  });
});
