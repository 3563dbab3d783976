import type { DateInText } from '../../metadata/date-in-text';
import type { NumericReading } from '../../metadata/date-order';
import { isCopyrightLine } from '../../metadata/copyright-line';
import { normalizeDate } from '../../metadata/normalize-date';
import { PUBLISH_WORDS, UPDATE_WORDS } from '../../metadata/update-words';

/**
 * What marks a date on a page as the article's publication or update: classes, itemprops and labels
 * ("Updated", "Posted on"); and what marks it as someone else's (a data row, a list of stories, a
 * copyright notice).
 */

/** Words just before a date that mark it as the last update (UPDATE_WORDS), a word or two between. */
export const UPDATE_LABEL = new RegExp(`(?:${UPDATE_WORDS})\\W{0,3}(?:\\w+\\W{1,3}){0,2}$`, 'iu');
/** Words just before a date that mark it as the publication (PUBLISH_WORDS), a word or two between. */
export const PUBLISH_LABEL = new RegExp(`(?:${PUBLISH_WORDS})\\W{0,3}(?:\\w+\\W{1,3}){0,2}$`, 'iu');
const UPDATED_MARK = /\b(?:updated?|modified|dateModified)\b/i;
export const PUBLISHED_MARK =
  /\b(?:datePublished|published|pubdate|entry-date|publish|post-date|posted-on)\b/i;

export const marks = (el: Element) =>
  `${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/**
 * Whether an element is marked as an update only: WordPress writes "entry-date published updated" on a
 * post never updated, which is its publication date.
 */
export const markedUpdate = (el: Element) => UPDATED_MARK.test(marks(el)) && !PUBLISHED_MARK.test(marks(el));

/** A row of a data table (an infobox's "Founded", "Released"): its dates are facts, not the page's. */
export const inDataRow = (el: Element) => el.closest('tr')?.querySelector('th') != null;

/** The date an element holds: its datetime or content attribute (an <abbr>'s title), else its text. */
export function elementDate(
  el: Element,
  now: string | undefined,
  reading?: NumericReading,
): string | undefined {
  const attr =
    el.getAttribute('datetime') ??
    el.getAttribute('content') ??
    (el.tagName === 'ABBR' ? el.getAttribute('title') : null);
  return normalizeDate(attr?.trim() ? attr : (el.textContent ?? '').trim(), now, reading);
}

/** The text just before an element within its parent (40 characters): where a label stands. */
function textBefore(el: Element): string {
  const text = el.parentElement?.textContent ?? '';
  const at = text.indexOf(el.textContent ?? '');
  return at > 0 ? text.slice(Math.max(0, at - 40), at) : '';
}

/** Whether the text just before an element says its date is an update ("Updated", "Mis à jour le"). */
export const labelledUpdate = (el: Element): boolean => UPDATE_LABEL.test(textBefore(el));

/** Whether the text just before an element says its date is the publication ("Posted on", "Publié le"). */
export const labelledPublished = (el: Element): boolean => PUBLISH_LABEL.test(textBefore(el));

export const DATE_LINE_MARK = /date|time|byline|meta|posted|publish|stamp|author|info|detail|credit|entry/i;

/**
 * Whether a block is a date line (a byline or time block) rather than a sentence of the story or a row
 * of data: marked as such by `mark` (class, id or itemprop, on it or its two parents), or holding little
 * but the date ("Published 6 March 2024, 14:35"). A row of a data table never is.
 */
export function isDateLine(el: Element, text: string, found: DateInText, mark = DATE_LINE_MARK): boolean {
  if (inDataRow(el)) return false;
  let e: Element | null = el;
  for (let i = 0; e && i < 3; e = e.parentElement, i++) if (mark.test(marks(e))) return true;
  return holdsLittleBut(text, found);
}

/** Whether a text holds little but a date (at most 30 letters besides it). */
export const holdsLittleBut = (text: string, found: DateInText) =>
  (text.slice(0, found.index) + text.slice(found.end)).replace(/[^\p{L}]/gu, '').length <= 30;

/** How many linked items make a list a list of stories (a section front's, a "latest" module's). */
const STORY_LIST_ITEMS = 3;

/** Whether an element sits in an item of a list of linked stories: its date is that story's. */
export function inStoryList(el: Element): boolean {
  const list = el.closest('li')?.parentElement;
  if (!list) return false;
  let linked = 0;
  for (const item of list.children)
    if (item.tagName === 'LI' && item.querySelector('a[href]') && ++linked >= STORY_LIST_ITEMS) return true;
  return false;
}

/** Elements that sit inside a line of text rather than making one. */
const INLINE = /^(?:TIME|SPAN|ABBR|A|SMALL|B|STRONG|EM|I|FONT|SUP|SUB)$/i;
/** A line longer than this is a paragraph, not a notice. */
const LINE_CHARS = 300;

/**
 * Whether an element's date stands in a copyright notice ("© 2019 Acme · Last updated 21 Sep 2017"):
 * the element's own line (its nearest enclosing block, when it is an inline one) holds the notice.
 */
export function inCopyrightLine(el: Element): boolean {
  let line: Element | null = el;
  while (line && INLINE.test(line.tagName) && line.parentElement) line = line.parentElement;
  const text = line?.textContent ?? '';
  return text.length <= LINE_CHARS && isCopyrightLine(text);
}
