/** Where a wire story was filed, and by which agency: "LONDON (Reuters) -" is London and Reuters. */
export interface Dateline {
  place?: string;
  agency?: string;
}

const MAX_HEAD_CHARS = 60;
const DASH = /\s[-–—]{1,2}\s+(?=\S)/u;
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}.'’&-]*$/u;

function isName(text: string, maxWords: number): boolean {
  const words = text.split(/\s+/u).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= maxWords &&
    words.every((w) => CAPITALISED.test(w) || /^(?:de|of|la|el|al)$/.test(w))
  );
}

/**
 * The dateline a story's first paragraph opens with ("LONDON (Reuters) -", "WASHINGTON (AP) —",
 * "PARIS, March 6 (Reuters) -", "BEIRUT —") and the paragraph without it, or undefined when it has none.
 * Without an agency the place must be written in capitals, as datelines are: "Boris Johnson - the..." is text.
 */
export function splitDateline(paragraph: string): { dateline: Dateline; rest: string } | undefined {
  const dash = DASH.exec(paragraph.slice(0, MAX_HEAD_CHARS + 4));
  if (!dash || dash.index > MAX_HEAD_CHARS) return undefined;
  let head = paragraph.slice(0, dash.index).trim();
  let agency: string | undefined;
  const aside = /\(([^()]{2,40})\)$/u.exec(head);
  if (aside) {
    agency = aside[1]!.trim();
    head = head.slice(0, aside.index).trim();
    if (!isName(agency, 4)) return undefined;
  }
  const place = head.split(',')[0]!.trim();
  if (!isName(place, 4) || !/\p{L}.*\p{L}/u.test(place)) return undefined;
  if (!agency && place !== place.toUpperCase()) return undefined;
  const rest = paragraph.slice(dash.index + dash[0].length);
  return { dateline: { place, ...(agency ? { agency } : {}) }, rest };
}
