import { datesInText } from '../../metadata/date-in-text';
import type { NumericReading } from '../../metadata/date-order';
import { normalizeDate } from '../../metadata/normalize-date';
import {
  elementDate,
  holdsLittleBut,
  inCopyrightLine,
  inStoryList,
  labelledPublished,
  labelledUpdate,
  markedUpdate,
  marks,
  PUBLISH_LABEL,
  PUBLISHED_MARK,
  UPDATE_LABEL,
} from './date-marks';
import { ELSEWHERE } from './near-headline';
import { inOtherStoriesModule, inTeaserCard } from './other-stories';

/**
 * Dates a blog writes at the foot of its post ("Posted on 3 March 2024", "Last updated …"): in the post's
 * own footer, or in the few hundred characters after its body. Comments, related stories, prev/next
 * links, sidebars, author bios and copyright notices stand there too: their dates are refused.
 */

export interface FootDates {
  published?: string;
  updated?: string;
}

/** How far after the body a post's foot is read (characters of text), and how long a line of it may be. */
export const FOOT_OF_POST = { after: 600, block: 160 } as const;

/** A post's own container, whose footer is its own (not the site's). */
const POST =
  'article, [itemtype*="Article" i], [itemtype*="BlogPosting" i], .hentry, .post, .entry, .blog-post';
/** Parts of a post's foot that are its own: its footer and meta line. */
const OWN_FOOT = /footer|entry-meta|post-meta|postmeta|post-info|byline|posted/i;
/** Parts of a page's foot that speak of someone or something else than the post. */
const NOT_THE_POST =
  /bio|about-author|author-box|author-info|profile|prev|next|navigation|pager|pagination|reply|respon/i;
/** A mark that says a short block of the foot is a date line (without a label before the date). */
const FOOT_DATE_MARK = /date|time|posted|publish|stamp|meta|byline/i;
/** A link whose text holds more letters than this besides the date names another page (a story, a post). */
const LINK_LETTERS = 15;

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The element of the page where the article's body ends: the last paragraph of the body Readability
 * kept (`lastParagraph`), found by its text among the page's paragraphs (the last such one).
 */
export function bodyEndElement(doc: Document, lastParagraph: string | undefined): Element | undefined {
  const want = squash(lastParagraph);
  if (want.length < 20) return undefined;
  const matches = [...doc.querySelectorAll('p')].filter((p) => squash(p.textContent) === want);
  return matches[matches.length - 1];
}

/** Whether an element is the post's own footer or meta line (not the site's). */
const ownFooter = (at: Element, post: Element | null) =>
  post !== null && post !== at && post.contains(at) && (at.tagName === 'FOOTER' || OWN_FOOT.test(marks(at)));

/** Whether a foot element speaks of someone or something else than the post (see NOT_THE_POST). */
function notThePost(el: Element, post: Element | null): boolean {
  for (let at: Element | null = el; at && at !== post; at = at.parentElement)
    if (NOT_THE_POST.test(marks(at)) || /^(?:prev|next)$/i.test(at.getAttribute('rel') ?? '')) return true;
  // The site's footer, a sidebar, comments: elsewhere, unless it is the post's own footer.
  for (let at = el.closest(ELSEWHERE); at; at = at.parentElement?.closest(ELSEWHERE) ?? null)
    if (!ownFooter(at, post)) return true;
  const aside = el.closest('aside');
  return (
    (aside !== null && aside.closest('article') === null) ||
    inOtherStoriesModule(el) ||
    inTeaserCard(el) ||
    inStoryList(el) ||
    inCopyrightLine(el)
  );
}

/**
 * Whether a date found in an element's text belongs to another page: it is written in a link (around
 * the element or inside it) that says more than the date (a permalink that is just the date is the post's).
 */
function inLinkToAnother(el: Element, date: string): boolean {
  const around = el.closest('a[href]');
  const links = around ? [around] : [...el.querySelectorAll('a[href]')];
  return links.some((link) => {
    const text = squash(link.textContent);
    return text.includes(date) && text.replace(date, '').replace(/[^\p{L}]/gu, '').length > LINK_LETTERS;
  });
}

type Field = 'published' | 'updated';

/** Which date a <time> or marked element of the foot gives, by its label or mark; undefined when neither says. */
function fieldOfElement(el: Element): Field | undefined {
  if (markedUpdate(el) || labelledUpdate(el)) return 'updated';
  if (labelledPublished(el) || PUBLISHED_MARK.test(marks(el)) || el.hasAttribute('pubdate'))
    return 'published';
  const parent = el.parentElement;
  return parent && FOOT_DATE_MARK.test(marks(parent)) ? 'published' : undefined;
}

/** The dates a short block of the foot gives: after a label, or in a block marked and holding little else. */
function blockDates(el: Element, reading: NumericReading, now: string | undefined): Array<[Field, string]> {
  const text = el.textContent ?? '';
  const out: Array<[Field, string]> = [];
  for (const found of datesInText(text, reading)) {
    const before = text.slice(Math.max(0, found.index - 40), found.index);
    const field: Field | undefined = UPDATE_LABEL.test(before)
      ? 'updated'
      : PUBLISH_LABEL.test(before) ||
          (FOOT_DATE_MARK.test(marks(el)) && holdsLittleBut(text, found) && !markedUpdate(el))
        ? 'published'
        : undefined;
    const date = field && normalizeDate(found.date, now);
    if (field && date && !inLinkToAnother(el, text.slice(found.index, found.end))) out.push([field, date]);
  }
  return out;
}

/** Elements of the foot, in page order: those within FOOT_OF_POST.after characters after the body end
 * (up to the next heading: comments, related stories), then the post's own footer after it. */
function footElements(doc: Document, end: Element, post: Element | null): Element[] {
  const all = [...(doc.body ?? doc.documentElement).querySelectorAll('*')];
  const at = all.indexOf(end);
  const out: Element[] = [];
  let seen = 0;
  for (let i = at + 1; at >= 0 && i < all.length && seen < FOOT_OF_POST.after; i++) {
    const el = all[i] as Element;
    if (end.contains(el)) continue;
    if (/^H[1-4]$/.test(el.tagName)) break;
    if (el.children.length === 0) seen += squash(el.textContent).length;
    out.push(el);
  }
  const own = post
    ? [
        ...post.querySelectorAll(
          'footer, [class*="footer" i], [class*="entry-meta" i], [class*="post-meta" i]',
        ),
      ]
    : [];
  const after = own.filter((el) => !out.includes(el) && end.compareDocumentPosition(el) & 4);
  return [...out, ...after.flatMap((el) => [el, ...el.querySelectorAll('*')])];
}

/**
 * The publication and update dates written at the foot of the post whose body ends at `end` (the first
 * of each): a <time> or marked element, or a date after "Posted", "Published", "Last updated"... in a
 * short line. "Last updated" gives the update, never the publication.
 */
export function footOfPostDates(
  doc: Document,
  end: Element | undefined,
  reading: NumericReading,
  now: string | undefined,
): FootDates {
  if (!end) return {};
  const post = end.closest(POST);
  const out: FootDates = {};
  for (const el of footElements(doc, end, post)) {
    if (out.published && out.updated) break;
    const text = squash(el.textContent);
    const timed = el.tagName === 'TIME' || el.hasAttribute('datetime');
    // A line without a digit holds no date: most of a foot is passed over before any costlier check.
    if (text.length > FOOT_OF_POST.block || (!timed && !/\d/.test(text))) continue;
    const found: Array<[Field, string]> = [];
    if (timed) {
      const field = fieldOfElement(el);
      const date = field && elementDate(el, now, reading);
      if (field && date && !inLinkToAnother(el, text)) found.push([field, date]);
    } else found.push(...blockDates(el, reading, now));
    if (found.length === 0 || notThePost(el, post)) continue;
    for (const [field, date] of found) out[field] ??= date;
  }
  return out;
}
