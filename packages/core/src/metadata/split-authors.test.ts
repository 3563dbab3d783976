import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_CORPORA, SHARED_MISSING } from '../../test-support/shared-corpora';
import { parseFeed } from '../formats/feed/parse-feed';
import { type Feed, readFeed } from '../formats/feed/read-feed';
import { parseJsonArticles } from '../formats/json/parse-json-articles';
import { parseText } from '../formats/text/parse-text';
import { parseHtml } from '../formats/html/parse-html';
import { splitAuthors } from './split-authors';

describe('splitAuthors: jobs, desks, datelines, dates and logins are not names', () => {
  it('"Staff and agencies" is one credit, and so is "X and agencies"', () => {
    expect(splitAuthors('Staff and agencies')).toEqual(['Staff and agencies']);
    expect(splitAuthors('Jason Burke and agencies')).toEqual(['Jason Burke and agencies']);
    expect(splitAuthors('Ana Ruiz in Paris and agencies')).toEqual(['Ana Ruiz and agencies']);
  });

  it('a job after the name goes, with its qualifier: "Jason Burke Africa correspondent" is "Jason Burke"', () => {
    expect(splitAuthors('Jason Burke Africa correspondent')).toEqual(['Jason Burke']);
    expect(splitAuthors('Patrick Wintour Diplomatic editor')).toEqual(['Patrick Wintour']);
    expect(splitAuthors('Damian Carrington Environment editor')).toEqual(['Damian Carrington']);
    // The same rule on jobs the Guardian feed does not hold: sentence case, title case, a job first.
    expect(splitAuthors('Mia Chen Chief political correspondent')).toEqual(['Mia Chen']);
    expect(splitAuthors('Tom Lee Defence and security editor')).toEqual(['Tom Lee']);
    expect(splitAuthors('Ada Obi Asia reporter')).toEqual(['Ada Obi']);
    expect(splitAuthors('Jean Paul Dupont Europe correspondent')).toEqual(['Jean Paul Dupont']);
    expect(splitAuthors('Ana Ruiz Senior Political Editor')).toEqual(['Ana Ruiz']);
    expect(splitAuthors('Reporter Ana Ruiz')).toEqual(['Ana Ruiz']);
    expect(splitAuthors('Ana Ruiz, Staff Writer, and Tom Lee')).toEqual(['Ana Ruiz', 'Tom Lee']);
    // A job with nobody named is no credit; a named body's desk is credited as written.
    expect(splitAuthors('Staff Writer')).toEqual([]);
    expect(splitAuthors('Foreign desk')).toEqual([]);
    expect(splitAuthors('Harbour Times staff')).toEqual(['Harbour Times staff']);
    expect(splitAuthors('Staff')).toEqual([]);
  });

  it('datelines, asides and trailing dates go: "FEDERICA LUSIARDI - 2019-04-10" is "FEDERICA LUSIARDI"', () => {
    expect(splitAuthors('FEDERICA LUSIARDI - 2019-04-10')).toEqual(['FEDERICA LUSIARDI']);
    expect(splitAuthors('Ana Ruiz – 10/04/2019')).toEqual(['Ana Ruiz']);
    expect(splitAuthors('Ana Ruiz in Kyiv and Tom Lee in Palm Beach, Florida')).toEqual([
      'Ana Ruiz',
      'Tom Lee',
    ]);
    expect(splitAuthors('Reuters in Rio de Janeiro')).toEqual(['Reuters']);
    expect(splitAuthors('Ana Ruiz (now), Tom Lee and Mia Chen (earlier)')).toEqual([
      'Ana Ruiz',
      'Tom Lee',
      'Mia Chen',
    ]);
  });

  it('logins that name nobody are dropped: "admin", e-mail addresses, generated ids; surnames with initials stay whole', () => {
    for (const login of ['admin', 'Administrator', 'webmaster', 'robot@craigslist.org', 'CC7567', 'user42'])
      expect(splitAuthors(login), login).toEqual([]);
    expect(splitAuthors('By admin | March 3, 2024')).toEqual([]);
    // A chosen handle is how its writer signs: kept.
    expect(splitAuthors('/u/GallowBoob')).toEqual(['/u/GallowBoob']);
    expect(splitAuthors('L2inc')).toEqual(['L2inc']);
    expect(splitAuthors('Ash, C., Mueller, K. L.')).toEqual(['Ash, C.', 'Mueller, K. L.']);
    expect(splitAuthors('Smith, K. T.')).toEqual(['Smith, K. T.']);
  });
});

describe('bylines are read by the same rule wherever they enter', () => {
  it('HTML: a login in JSON-LD gives way to the next source of authors', () => {
    const a = parseHtml(
      `<!doctype html><html lang="en"><head><title>T</title><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', author: { name: 'admin' } })}</script><meta name="author" content="Ana Ruiz Africa correspondent"></head><body><article><p>The council met late and voted to close the harbour bridge for good.</p></article></body></html>`,
    );
    expect(a.byline).toEqual(['Ana Ruiz']);
    expect(a.provenance.fields.byline).toBe('meta:author');
  });

  it('JSON records and YAML front matter: a job, a date or a login is not kept as a name', () => {
    const [j] = parseJsonArticles(
      JSON.stringify({ title: 'T', body: 'Text.', author: 'Jason Burke Africa correspondent - 2019-04-10' }),
      { format: 'json' },
    );
    expect(j!.byline).toEqual(['Jason Burke']);
    // One person written twice (a feed's dc:creator and itunes:author, in two cases) is one credit.
    const [twice] = parseJsonArticles(
      JSON.stringify({ title: 'T', body: 'Text.', authors: ['TavernCast', 'Taverncast'] }),
      {
        format: 'json',
      },
    );
    expect(twice!.byline).toEqual(['TavernCast']);
    const t = parseText('---\nauthor: Staff and agencies\n---\nThe council met.\n');
    expect(t.byline).toEqual(['Staff and agencies']);
    const admin = parseText('---\nauthor: [admin]\n---\nThe council met.\n');
    expect(admin.byline).toEqual([]);
    expect(admin.quality).toContain('no-byline');
  });
});

const FEEDS = join(SHARED_CORPORA, 'feeds', 'rss-parser');
const HAS_GUARDIAN = HAS_SHARED && existsSync(join(FEEDS, 'input', 'guardian.rss'));

describe.skipIf(!HAS_GUARDIAN)(`the Guardian's own feed${HAS_GUARDIAN ? '' : ` (${SHARED_MISSING})`}`, () => {
  it('gives every item with a creator sane credits: cut from the creator, no job, desk, place, date or lone "agencies"', () => {
    const articles = parseFeed(readFileSync(join(FEEDS, 'input', 'guardian.rss'), 'utf8'));
    // rss-parser's reading of the same feed: the creator field of each item, by link.
    const expected = JSON.parse(readFileSync(join(FEEDS, 'output', 'guardian.json'), 'utf8')) as {
      feed: { items: Array<{ link: string; creator?: string }> };
    };
    const creatorOf = new Map(expected.feed.items.map((i) => [i.link, (i.creator ?? '').trim()]));
    let credited = 0;
    for (const a of articles) {
      const creator = creatorOf.get(a.url ?? '');
      expect(creator, a.url).toBeDefined();
      if (!creator) continue;
      credited++;
      expect(a.byline.length, creator).toBeGreaterThan(0);
      for (const credit of a.byline) {
        const why = `${credit} (from "${creator}")`;
        expect(creator.includes(credit), why).toBe(true);
        expect(credit, why).not.toMatch(/\d| in \p{Lu}|[()]/u);
        expect(credit, why).not.toMatch(/^(?:and )?agencies$/i);
        if (!/ and agencies$/.test(credit))
          expect(credit, why).not.toMatch(/\b(?:correspondent|editor|reporter|writer|staff|desk|bureau)\b/i);
      }
    }
    expect(credited).toBeGreaterThan(40);
    const bylines = new Map(articles.map((a) => [creatorOf.get(a.url ?? ''), a.byline]));
    expect(bylines.get('Staff and agencies')).toEqual(['Staff and agencies']);
    expect(bylines.get('Jason Burke Africa correspondent')).toEqual(['Jason Burke']);
    expect(bylines.get('Patrick Wintour Diplomatic editor')).toEqual(['Patrick Wintour']);
    expect(bylines.get('Damian Carrington Environment editor')).toEqual(['Damian Carrington']);
    expect(bylines.get('Sam Jones in Madrid and Stephen Burgen in Barcelona')).toEqual([
      'Sam Jones',
      'Stephen Burgen',
    ]);
  });

  it('loses no credit in any feed of the corpus: every item rss-parser finds a creator for has one (e-mail addresses aside)', () => {
    let items = 0;
    for (const file of readdirSync(join(FEEDS, 'input'))) {
      const out = join(FEEDS, 'output', file.replace(/\.\w+$/, '.json'));
      if (!existsSync(out)) continue;
      let feed: Feed;
      try {
        feed = readFeed(readFileSync(join(FEEDS, 'input', file), 'utf8'), file);
      } catch {
        continue; // Not a feed (the corpus holds an HTML page posing as one): nothing to credit.
      }
      const expected = JSON.parse(readFileSync(out, 'utf8')) as {
        feed: { items: Array<{ creator?: unknown }> };
      };
      expected.feed.items.forEach((item, i) => {
        const creator = String(item.creator ?? '').trim();
        if (!creator || /\S@\S+\.\S/.test(creator)) return;
        items++;
        expect(
          feed.items[i]?.meta.byline?.length ?? 0,
          `${file} item ${i + 1}: "${creator}"`,
        ).toBeGreaterThan(0);
      });
    }
    expect(items).toBeGreaterThan(200);
  });
});

describe('splitAuthors on the bylines big-news pages print (issue 18)', () => {
  it('"Martin Untersinger (avec Damien Leloup et Morgane Tual)" is three authors, not split at the parenthesis', () => {
    expect(splitAuthors('Martin Untersinger (avec Damien Leloup et Morgane Tual)')).toEqual([
      'Martin Untersinger',
      'Damien Leloup',
      'Morgane Tual',
    ]);
    expect(splitAuthors('Ana Ruiz (with Tom Lee and Mia Chen)')).toEqual(['Ana Ruiz', 'Tom Lee', 'Mia Chen']);
    // An aside that is not a "with" still goes or stays as before.
    expect(splitAuthors('Jason Burke (now)')).toEqual(['Jason Burke']);
  });

  it('"Par Sébastien Farcis" drops "Par", as "By" is dropped; a surname that looks like a lead-in stays', () => {
    expect(splitAuthors('Par Sébastien Farcis')).toEqual(['Sébastien Farcis']);
    expect(splitAuthors('Von Anna Müller')).toEqual(['Anna Müller']);
    expect(splitAuthors('Por María López')).toEqual(['María López']);
    expect(splitAuthors('Von Trier')).toEqual(['Von Trier']);
    expect(splitAuthors('Byron Smith')).toEqual(['Byron Smith']);
    expect(splitAuthors('By Byron Smith')).toEqual(['Byron Smith']);
  });

  it('"Our Foreign Staff" is the paper\'s desk, credited whole, not truncated to "Our Foreign"', () => {
    expect(splitAuthors('Our Foreign Staff')).toEqual(['Our Foreign Staff']);
    expect(splitAuthors('By Our Foreign Staff')).toEqual(['Our Foreign Staff']);
    expect(splitAuthors('Our Correspondent')).toEqual(['Our Correspondent']);
  });

  it('"Di" and "De" are lead-ins before a given name and a surname ("Di Marco Rossi"), and stay in a surname ("Di Maio", "De La Hoya")', () => {
    expect(splitAuthors('di Marco Rossi')).toEqual(['Marco Rossi']);
    expect(splitAuthors('Di Marco Rossi')).toEqual(['Marco Rossi']);
    expect(splitAuthors('De Ana Souza')).toEqual(['Ana Souza']);
    expect(splitAuthors('Door Jan de Vries')).toEqual(['Jan de Vries']);
    for (const surname of ['Di Maio', 'De Gaulle', 'De La Hoya', 'De Standaard', 'Von Trier', 'Door Anna'])
      expect(splitAuthors(surname)).toEqual([surname]);
  });

  it('"and" in the byline\'s language separates two people ("y", "e", "en", "og", "och"), not a compound surname', () => {
    expect(splitAuthors('Por María López y Juan Pérez')).toEqual(['María López', 'Juan Pérez']);
    expect(splitAuthors('Di Marco Rossi e Luca Bianchi')).toEqual(['Marco Rossi', 'Luca Bianchi']);
    expect(splitAuthors('Door Jan de Vries en Pieter Bakker')).toEqual(['Jan de Vries', 'Pieter Bakker']);
    expect(splitAuthors('Kari Nordmann og Ola Hansen')).toEqual(['Kari Nordmann', 'Ola Hansen']);
    expect(splitAuthors('Anna Svensson och Erik Berg')).toEqual(['Anna Svensson', 'Erik Berg']);
    expect(splitAuthors('José Ortega y Gasset')).toEqual(['José Ortega y Gasset']);
  });

  it('a lead-in before an agency goes ("Por EFE", "Von dpa", "Par AFP")', () => {
    expect(splitAuthors('Por EFE')).toEqual(['EFE']);
    expect(splitAuthors('Von dpa')).toEqual(['dpa']);
    expect(splitAuthors('Par AFP')).toEqual(['AFP']);
  });
});
