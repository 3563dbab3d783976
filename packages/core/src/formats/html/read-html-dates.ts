import { type DateInText, datesInText, slashOrderOf } from '../../metadata/date-in-text';
import { dateFromUrl, normalizeDate } from '../../metadata/normalize-date';
import { UPDATE_WORDS } from '../../metadata/update-words';
import { blocksNearHeadline, headlineElement, isElsewhere } from './near-headline';
import type { JsonLdArticle } from './read-json-ld';

/** What the page's head says, read once by readHtmlMeta. */
export interface PageDateSources {
  /** The first content of a meta tag by its lower-cased property, name or itemprop. */
  meta: (key: string) => string | undefined;
  ld: JsonLdArticle | undefined;
  parselyPubDate: string | undefined;
  readabilityTime: string | null | undefined;
  title: string | undefined;
  /** The page's canonical and fetched URLs, for a date in their path (the first that has one). */
  urls: Array<string | undefined>;
  now: string | undefined;
  /** The page lists stories (see isSectionFront): the dates written on it are theirs, not its own. */
  sectionFront?: boolean;
}

type Found = [string, string];

// Meta names for the publication date, most specific first (as the public extractors order them):
// Open Graph article, schema.org itemprop, Parse.ly, Sailthru, Dublin Core, citations, then the generic.
const PUBLISHED_META: Array<[string[], string]> = [
  [
    [
      'article:published_time',
      'og:article:published_time',
      'article:published',
      'article:published_date',
      'article:publicationdate',
      'article:post_date',
    ],
    'meta:article:published_time',
  ],
  [
    [
      'og:published_time',
      'og:pubdate',
      'article.published',
      'shareaholic:article_published_time',
      'vr:published_time',
      'mediator_published_time',
    ],
    'meta:og:published_time',
  ],
  [['datepublished', 'rnews:datepublished'], 'meta:itemprop:datePublished'],
  [['parsely-pub-date'], 'meta:parsely'],
  [['sailthru.date'], 'meta:sailthru.date'],
  [
    [
      'dc.date.issued',
      'dcterms.issued',
      'dc.date.created',
      'dcterms.created',
      'dc.date.publication',
      'dc.created',
      'dc:created',
      'dc.date',
      'dc:date',
      'dcterms.date',
    ],
    'meta:dublin-core',
  ],
  [['citation_publication_date', 'citation_date', 'prism.publicationdate'], 'meta:citation'],
  [
    [
      'pubdate',
      'publishdate',
      'publish-date',
      'publish_date',
      'published-date',
      'published_date',
      'publication_date',
      'publication-date',
      'date_published',
      'original-publish-date',
      'originalpublicationdate',
      'article_date_original',
      'article.created',
      'cxenseparse:recs:publishtime',
      'bt:pubdate',
      'dcsext.articlefirstpublished',
      'rbpubdate',
      'twt-published-at',
      'published_at',
      'displaydate',
      'dateposted',
      'date_created',
      'datecreated',
      'content_create_date',
      'doc_date',
      'pdate',
      'ptime',
      'release_date',
      'date',
    ],
    'meta:date',
  ],
];

const MODIFIED_META: Array<[string[], string]> = [
  [
    ['article:modified_time', 'og:article:modified_time', 'article:updated_time'],
    'meta:article:modified_time',
  ],
  [['og:updated_time'], 'meta:og:updated_time'],
  [['datemodified', 'last-modified', 'lastmod'], 'meta:date'],
  [['dcterms.modified', 'dc.date.modified'], 'meta:dublin-core'],
];

/** Words just before a date that mark it as the last update (UPDATE_WORDS), a word or two between. */
const UPDATE_LABEL = new RegExp(`(?:${UPDATE_WORDS})\\W{0,3}(?:\\w+\\W{1,3}){0,2}$`, 'iu');
const UPDATED_MARK = /\b(?:updated?|modified|dateModified)\b/i;
const PUBLISHED_MARK = /\b(?:datePublished|published|pubdate|entry-date|publish|post-date|posted-on)\b/i;

const marks = (el: Element) =>
  `${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/**
 * Whether an element is marked as an update only: WordPress writes "entry-date published updated" on a
 * post never updated, which is its publication date.
 */
const markedUpdate = (el: Element) => UPDATED_MARK.test(marks(el)) && !PUBLISHED_MARK.test(marks(el));

/** A row of a data table (an infobox's "Founded", "Released"): its dates are facts, not the page's. */
const inDataRow = (el: Element) => el.closest('tr')?.querySelector('th') != null;

/** The date an element holds: its datetime or content attribute (an <abbr>'s title), else its text. */
function elementDate(el: Element, now: string | undefined): string | undefined {
  const attr =
    el.getAttribute('datetime') ??
    el.getAttribute('content') ??
    (el.tagName === 'ABBR' ? el.getAttribute('title') : null);
  return normalizeDate(attr?.trim() ? attr : (el.textContent ?? '').trim(), now);
}

/** Whether the text just before an element says its date is an update ("Updated", "Mis à jour le"). */
function labelledUpdate(el: Element): boolean {
  const parent = el.parentElement;
  const text = parent?.textContent ?? '';
  const at = text.indexOf(el.textContent ?? '');
  return at > 0 && UPDATE_LABEL.test(text.slice(Math.max(0, at - 40), at));
}

/** Elements marked as the publication date: itemprop datePublished, <time pubdate>, class "published". */
function markedElements(doc: Document, now: string | undefined): Found[] {
  return [
    ...doc.querySelectorAll(
      '[itemprop~="datePublished" i], time[pubdate], time, abbr, [class*="publish" i], [class*="entry-date" i]',
    ),
  ]
    .slice(0, 60)
    .filter(
      (el) =>
        el.tagName !== 'META' &&
        PUBLISHED_MARK.test(`${marks(el)} ${el.hasAttribute('pubdate') ? 'pubdate' : ''}`),
    )
    .filter((el) => !markedUpdate(el) && !isElsewhere(el) && !inDataRow(el))
    .map((el): Found | undefined => {
      const d = elementDate(el, now);
      return d ? [d, 'html:itemprop-or-pubdate'] : undefined;
    })
    .filter((f): f is Found => f !== undefined);
}

const DATE_LINE_MARK = /date|time|byline|meta|posted|publish|stamp|author|info|detail|credit|entry/i;

/**
 * Whether a block around the headline is a date line (a byline or time block) rather than a sentence of
 * the story or a row of data: marked as such (class, id or itemprop, on it or its two parents), or
 * holding little but the date ("Published 6 March 2024, 14:35"). A row of a data table never is.
 */
function isDateLine(el: Element, text: string, found: DateInText): boolean {
  if (inDataRow(el)) return false;
  let e: Element | null = el;
  for (let i = 0; e && i < 3; e = e.parentElement, i++) if (DATE_LINE_MARK.test(marks(e))) return true;
  return (text.slice(0, found.index) + text.slice(found.end)).replace(/[^\p{L}]/gu, '').length <= 30;
}

/** How many linked items make a list a list of stories (a section front's, a "latest" module's). */
const STORY_LIST_ITEMS = 3;

/** Whether an element sits in an item of a list of linked stories: its date is that story's. */
function inStoryList(el: Element): boolean {
  const list = el.closest('li')?.parentElement;
  if (!list) return false;
  let linked = 0;
  for (const item of list.children)
    if (item.tagName === 'LI' && item.querySelector('a[href]') && ++linked >= STORY_LIST_ITEMS) return true;
  return false;
}

/** The first date written in the short blocks around the headline, <time> or text, not an update's. */
function nearHeadline(doc: Document, title: string | undefined, now: string | undefined): Found[] {
  const headline = headlineElement(doc, title);
  if (!headline) return [];
  const slashes = slashOrderOf(doc.documentElement?.getAttribute('lang')?.trim() || undefined);
  for (const el of blocksNearHeadline(doc, headline)) {
    if (markedUpdate(el) || labelledUpdate(el) || inStoryList(el)) continue;
    if (el.tagName === 'TIME') {
      const d = elementDate(el, now);
      if (d) return [[d, 'html:time']];
      continue;
    }
    const text = el.textContent ?? '';
    for (const found of datesInText(text, slashes)) {
      if (UPDATE_LABEL.test(text.slice(Math.max(0, found.index - 40), found.index))) continue;
      if (!isDateLine(el, text, found)) continue;
      const d = normalizeDate(found.date, now);
      if (d) return [[d, 'html:text-near-headline']];
    }
  }
  return [];
}

/** <time> elements of the article (outside related modules, not updates), in page order, at most 20. */
function articleTimes(doc: Document, now: string | undefined): Found[] {
  return [...doc.querySelectorAll('article time[datetime]')]
    .slice(0, 20)
    .filter((el) => !markedUpdate(el) && !isElsewhere(el) && !labelledUpdate(el))
    .map((el): Found | undefined => {
      const d = elementDate(el, now);
      return d ? [d, 'html:time'] : undefined;
    })
    .filter((f): f is Found => f !== undefined);
}

function fromMeta(list: Array<[string[], string]>, s: PageDateSources): Found[] {
  return list.flatMap(([names, source]): Found[] => {
    for (const name of names) {
      const d = normalizeDate(s.meta(name), s.now);
      if (d) return [[d, source]];
    }
    return [];
  });
}

const UTC_WRITTEN = /(?:Z|[+-]00:?00)$/;

/**
 * The same instant as written with the page's own offset, when the chosen source gives it in UTC and
 * another gives it with an offset (another tag, or a <time> the page shows): "2017-02-24T01:18:13Z" is
 * "2017-02-23T17:18:13-08:00" on a page in California, and the article belongs to the day its page shows.
 * The page's times are read only when the chosen one is in UTC.
 */
function inPageOffset(chosen: Found, others: Found[], shown: () => Found[]): Found {
  if (!UTC_WRITTEN.test(chosen[0])) return chosen;
  const ms = Date.parse(chosen[0]);
  const sameInstant = ([d]: Found) =>
    /[+-]\d{2}:\d{2}$/.test(d) && !UTC_WRITTEN.test(d) && Date.parse(d) === ms;
  const local = others.find(sameInstant) ?? shown().find(sameInstant);
  return local ? [local[0], chosen[1]] : chosen;
}

/**
 * The page's publication and update dates, each with its source. Publication: JSON-LD datePublished,
 * meta tags (see PUBLISHED_META), JSON-LD dateCreated, Readability's, elements marked as the publication
 * date, the URL's date, a <time> or a date written near the headline, then the article's <time>s.
 * Update marks and modules of other articles are never read as the publication date.
 */
export function readHtmlDates(doc: Document, s: PageDateSources): { published?: Found; updated?: Found } {
  const one = (v: string | null | undefined, source: string): Found[] => {
    const d = normalizeDate(v, s.now);
    return d ? [[d, source]] : [];
  };
  const structured: Found[] = [
    ...one(s.ld?.datePublished, 'json-ld:datePublished'),
    ...fromMeta(PUBLISHED_META.slice(0, 4), s),
    ...one(s.parselyPubDate, 'meta:parsely'),
    ...fromMeta(PUBLISHED_META.slice(4), s),
    ...one(s.ld?.dateCreated, 'json-ld:dateCreated'),
    ...one(s.readabilityTime, 'readability'),
  ];
  // On a section front, the dates written in the page and its URL's date are its stories' or its day's.
  const written = (): Found | undefined =>
    s.sectionFront
      ? undefined
      : (markedElements(doc, s.now)[0] ??
        s.urls.flatMap((url) => one(dateFromUrl(url, s.now), 'url-pattern'))[0] ??
        nearHeadline(doc, s.title, s.now)[0] ??
        articleTimes(doc, s.now)[0]);
  const published = structured[0] ?? written();
  const updated = [...one(s.ld?.dateModified, 'json-ld:dateModified'), ...fromMeta(MODIFIED_META, s)][0];
  return {
    ...(published
      ? {
          published: inPageOffset(published, structured, () => [
            ...markedElements(doc, s.now),
            ...articleTimes(doc, s.now),
          ]),
        }
      : {}),
    ...(updated ? { updated } : {}),
  };
}
