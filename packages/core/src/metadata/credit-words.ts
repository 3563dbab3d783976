// Words that bylines use around names and that are not names themselves. They are compared in lower case,
// one word at a time. Extend these lists (and only these) when a new kind of credit turns up.

/** Jobs and desks: "Jason Burke Africa correspondent", "Ana Ruiz, Staff Writer", "Foreign desk". */
const ROLE_NOUNS = new Set([
  'reporter',
  'correspondent',
  'editor',
  'writer',
  'contributor',
  'columnist',
  'critic',
  'photographer',
  'producer',
  'presenter',
  'journalist',
  'analyst',
  'commentator',
  'stringer',
  'intern',
  'staff',
  'staffer',
  'desk',
  'bureau',
  'newsroom',
]);

/** Words that qualify a job when written in title case ("Senior Political Editor", "Staff Writer"). */
const ROLE_QUALIFIERS = new Set([
  'senior',
  'chief',
  'special',
  'deputy',
  'associate',
  'assistant',
  'contributing',
  'managing',
  'executive',
  'lead',
  'acting',
  'former',
  'staff',
  'political',
  'diplomatic',
  'foreign',
  'home',
  'national',
  'international',
  'world',
  'global',
  'city',
  'metro',
  'local',
  'business',
  'economics',
  'science',
  'health',
  'technology',
  'environment',
  'sport',
  'sports',
  'culture',
  'arts',
  'legal',
  'defence',
  'defense',
  'security',
  'education',
  'investigations',
  'data',
  'digital',
  'news',
  'editorial',
  'policy',
  'affairs',
  'media',
  '&',
]);

/** Wire services credited beside a writer: "Staff and agencies" is one credit, "agencies" is nobody. */
export const AGENCY_CREDIT = /^(?:agencies|agency|wires|wire services|news agencies)$/i;

/** Account names that publishing systems print when no author was entered. */
const ACCOUNT_NAMES = new Set([
  'admin',
  'administrator',
  'root',
  'webmaster',
  'sysop',
  'superuser',
  'moderator',
  'user',
  'guest',
  'anonymous',
  'anon',
  'unknown',
  'null',
  'undefined',
  'none',
  'n/a',
  'wordpress',
  'blogger',
  'author',
  'publisher',
  'system',
  'default',
]);

const kept = (char: string) => char === '&' || /\p{L}/u.test(char);
/** The word without what surrounds its letters ("(Editor)," is "editor"); a loop, as a regex trim backtracks. */
function bare(word: string): string {
  const chars = [...word.toLowerCase()];
  let start = 0;
  let end = chars.length;
  while (start < end && !kept(chars[start]!)) start++;
  while (end > start && !kept(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}

export const isRoleNoun = (word: string) => ROLE_NOUNS.has(bare(word));
/** A job held by a body rather than a person: "Guardian staff", "Washington bureau". */
export const isCollective = (word: string) => /^(?:staff|desk|bureau|newsroom)$/.test(bare(word));
export const isRoleQualifier = (word: string) => ROLE_QUALIFIERS.has(bare(word));

/**
 * A login that names nobody: a publishing system's default account ("admin"), an e-mail address, or
 * one generated-looking token of letters ending in digits ("CC7567", "user42"). A chosen handle
 * ("/u/GallowBoob", "tobi") or a company ("L2inc") is how its writer signs, and is kept.
 */
export function isAccountName(credit: string): boolean {
  if (ACCOUNT_NAMES.has(credit.toLowerCase()) || /\S@[^\s.@]+\.\S/.test(credit)) return true;
  // One token of word characters, dots and dashes, with a letter, ending in two digits (three checks,
  // not one pattern: [\w.-]* on both sides of the letter backtracks polynomially).
  return /^[\w.-]+$/.test(credit) && /[a-z]/i.test(credit) && /\d\d$/.test(credit);
}
