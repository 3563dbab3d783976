/**
 * Where a page shows other stories than its own: modules named in the languages of the pages read, and
 * cards teasing a story (a linked heading with its byline and date). Their bylines and dates belong to
 * those stories, never to the page's.
 */

// Class or id words of "read also" modules beyond English: French, German, Spanish, Italian, Dutch,
// Portuguese (the English words are in each caller's own list).
export const OTHER_STORIES_WORDS =
  /lire-?aussi|a-?lire|meme-?sujet|mehr-?zum-?thema|weitere-?artikel|auch-?interessant|relacionad|ver-?tambien|correlat|leggi-?anche|gerelateerd|lees-?ook|meer-?over|leia-?tambem|saiba-?mais/i;

const attrs = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/** Whether an element sits in a module whose class or id names other stories (OTHER_STORIES_WORDS). */
export function inOtherStoriesModule(el: Element): boolean {
  for (let at = el.parentElement; at && !/^(?:BODY|HTML)$/i.test(at.tagName); at = at.parentElement)
    if (OTHER_STORIES_WORDS.test(attrs(at))) return true;
  return false;
}

/** A card is small: a teaser's heading, byline, date and a line or two of text. */
const CARD = { levels: 3, maxChars: 600 } as const;
const LINKED_HEADING = 'h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4';

/**
 * Whether an element sits in a card teasing another story: a small block, a few levels up, that holds a
 * linked heading and not the page's <h1> (so the story's own header, kicker links and all, is never one).
 * A page without an <h1> has no headline to tell its own story from others by: nothing is a card there.
 */
export function inTeaserCard(el: Element): boolean {
  if (!el.ownerDocument.querySelector('h1')) return false;
  let at = el.parentElement;
  for (let i = 0; at && i < CARD.levels && !/^(?:BODY|HTML)$/i.test(at.tagName); i++, at = at.parentElement) {
    if (at.querySelector('h1') || (at.textContent ?? '').length > CARD.maxChars) return false;
    if (at.querySelector(LINKED_HEADING)) return true;
  }
  return false;
}
