import { datesInText } from '../../metadata/date-in-text';
import type { NumericReading } from '../../metadata/date-order';
import { dateFromUrl, normalizeDate } from '../../metadata/normalize-date';
import { inShownOffset } from '../../metadata/shown-offset';
import {
  elementDate,
  inCopyrightLine,
  inDataRow,
  inStoryList,
  isDateLine,
  labelledUpdate,
  markedUpdate,
  marks,
  PUBLISHED_MARK,
  UPDATE_LABEL,
} from './date-marks';
import { bodyEndElement, type FootDates, footOfPostDates } from './foot-of-post';
import { markedDateLine } from './marked-date-lines';
import { blocksNearHeadline, headlineElement, isElsewhere } from './near-headline';
import { pageNumericReading } from './page-date-order';
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
  /** The text of the last paragraph of the article's body (Readability's), where its foot begins. */
  lastParagraph?: string | undefined;
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
      'og:publish_date',
      'og:datepublished',
      'og:article:published',
      'og:question:published_time',
      'analyticsattributes.articledate',
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
  [['datemodified', 'last-modified', 'lastmod', 'last_updated', 'lastupdated', 'modified_date'], 'meta:date'],
  [['dcterms.modified', 'dc.date.modified'], 'meta:dublin-core'],
];

/** Elements marked as the publication date: itemprop datePublished, <time pubdate>, class "published". */
function markedElements(doc: Document, now: string | undefined, reading: NumericReading): Found[] {
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
    .filter((el) => !markedUpdate(el) && !isElsewhere(el) && !inDataRow(el) && !inCopyrightLine(el))
    .map((el): Found | undefined => {
      const d = elementDate(el, now, reading);
      return d ? [d, 'html:itemprop-or-pubdate'] : undefined;
    })
    .filter((f): f is Found => f !== undefined);
}

/** The first date written in the short blocks around the headline, <time> or text, not an update's. */
function nearHeadline(
  doc: Document,
  title: string | undefined,
  now: string | undefined,
  reading: NumericReading,
): Found[] {
  const headline = headlineElement(doc, title);
  if (!headline) return [];
  for (const el of blocksNearHeadline(doc, headline)) {
    if (markedUpdate(el) || labelledUpdate(el) || inStoryList(el) || inCopyrightLine(el)) continue;
    if (el.tagName === 'TIME') {
      const d = elementDate(el, now, reading);
      if (d) return [[d, 'html:time']];
      continue;
    }
    const text = el.textContent ?? '';
    for (const found of datesInText(text, reading)) {
      if (UPDATE_LABEL.test(text.slice(Math.max(0, found.index - 40), found.index))) continue;
      if (!isDateLine(el, text, found)) continue;
      const d = normalizeDate(found.date, now);
      if (d) return [[d, 'html:text-near-headline']];
    }
  }
  return [];
}

/** <time> elements of the article (outside related modules, not updates), in page order, at most 20. */
function articleTimes(doc: Document, now: string | undefined, reading: NumericReading): Found[] {
  return [...doc.querySelectorAll('article time[datetime]')]
    .slice(0, 20)
    .filter((el) => !markedUpdate(el) && !isElsewhere(el) && !labelledUpdate(el) && !inCopyrightLine(el))
    .map((el): Found | undefined => {
      const d = elementDate(el, now, reading);
      return d ? [d, 'html:time'] : undefined;
    })
    .filter((f): f is Found => f !== undefined);
}

function fromMeta(list: Array<[string[], string]>, s: PageDateSources, reading: NumericReading): Found[] {
  return list.flatMap(([names, source]): Found[] => {
    for (const name of names) {
      const d = normalizeDate(s.meta(name), s.now, reading);
      if (d) return [[d, source]];
    }
    return [];
  });
}

/**
 * The page's publication and update dates, each with its source. Publication: JSON-LD datePublished,
 * meta tags (see PUBLISHED_META), JSON-LD dateCreated, Readability's, elements marked as the publication
 * date, a <time> or a date written near the headline, the article's <time>s, a date at the foot of the
 * post, and last the URL's date. Update: JSON-LD dateModified, meta tags, then the foot of the post.
 * Update marks, modules of other articles and copyright notices are never read as the publication date;
 * all-number dates are read in the page's order (see pageNumericReading). A UTC time is written in the
 * offset of the day the page shows (see inShownOffset).
 */
export function readHtmlDates(doc: Document, s: PageDateSources): { published?: Found; updated?: Found } {
  const reading = pageNumericReading(doc, s.meta, s.urls, s.now);
  const one = (v: string | null | undefined, source: string): Found[] => {
    const d = normalizeDate(v, s.now, reading);
    return d ? [[d, source]] : [];
  };
  const structured: Found[] = [
    ...one(s.ld?.datePublished, 'json-ld:datePublished'),
    ...fromMeta(PUBLISHED_META.slice(0, 4), s, reading),
    ...one(s.parselyPubDate, 'meta:parsely'),
    ...fromMeta(PUBLISHED_META.slice(4), s, reading),
    ...one(s.ld?.dateCreated, 'json-ld:dateCreated'),
    ...one(s.readabilityTime, 'readability'),
  ];
  let foot: FootDates | undefined;
  const footDates = () => {
    foot ??= s.sectionFront ? {} : footOfPostDates(doc, bodyEndElement(doc, s.lastParagraph), reading, s.now);
    return foot;
  };
  // What the page shows as its own date, in page order of trust.
  const shown = (): Found[] => [
    ...markedElements(doc, s.now, reading),
    ...nearHeadline(doc, s.title, s.now, reading),
    ...articleTimes(doc, s.now, reading),
  ];
  // On a section front, the dates written in the page and its URL's date are its stories' or its day's.
  const written = (): Found | undefined => {
    if (s.sectionFront) return undefined;
    const marked = () => markedDateLine(headlineElement(doc, s.title), s.now, reading);
    const tagged = (d: string | undefined, source: string): Found | undefined =>
      d ? [d, source] : undefined;
    return (
      markedElements(doc, s.now, reading)[0] ??
      nearHeadline(doc, s.title, s.now, reading)[0] ??
      articleTimes(doc, s.now, reading)[0] ??
      tagged(marked(), 'html:marked-date-line') ??
      tagged(footDates().published, 'html:foot-of-post') ??
      s.urls.flatMap((url) => one(dateFromUrl(url, s.now), 'url-pattern'))[0]
    );
  };
  const published = structured[0] ?? written();
  const footUpdated = (): Found[] => {
    const d = footDates().updated;
    return d ? [[d, 'html:foot-of-post']] : [];
  };
  const updated =
    [...one(s.ld?.dateModified, 'json-ld:dateModified'), ...fromMeta(MODIFIED_META, s, reading)][0] ??
    footUpdated()[0];
  const local =
    published && structured[0] === published
      ? inShownOffset(
          published[0],
          structured.slice(1).map(([d]) => d),
          () => (s.sectionFront ? [] : shown().map(([d]) => d)),
        )
      : undefined;
  return {
    ...(published ? { published: local ? [local, published[1]] : published } : {}),
    ...(updated ? { updated } : {}),
  };
}
