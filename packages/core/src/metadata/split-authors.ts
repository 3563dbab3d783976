import { normalizeLine } from '../text/normalize-text';
import { AGENCY_CREDIT, isAccountName, isCollective, isRoleNoun, isRoleQualifier } from './credit-words';

// Every pattern here runs on one normalised line (single spaces) and is searched, not matched to the
// end with `.*$`, so none can backtrack super-linearly on text from the open web.
const CREDENTIAL = /^(?:MA|MS|MD|PhD|MSc|BSc|RN|MPH|DO|Jr\.?|Sr\.?|II|III)$/i;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
// A date ends the credit: "22 Dec 2016", "March 25, 2015", "2019-04-10", "10/04/2019".
const DATE = new RegExp(
  `(?:\\d{1,2} ?${MONTH} \\d{4}|${MONTH} \\d{1,2},? \\d{4}|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b)`,
  'i',
);
const DATED = / (?:on|updated|published) [a-z]+ \d/i;
const SEPARATOR = /,|;|\band\b|&|\bund\b|\bet\b/i;
const NOT_A_NAME = /^(?:last )?(?:updated|published|posted|modified)\b/i;
// "in Washington", "in Palm Beach, Florida", "in Rio de Janeiro": where the writer was, not who.
const PLACE = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
const DATELINE = new RegExp(
  ` in ${PLACE}(?: (?:(?:de|da|del|do|di|la|le|of|upon|sur|am|al|el) )?${PLACE})*(?:, ${PLACE}(?=$| and | & |;|,))?`,
  'gu',
);
// "(now)", "(earlier)", "(stevenhgm)", "(http://…)": asides that are not part of a name.
const ASIDE = /\(([^()]{0,80})\)/g;
const INITIALS = /^(?:\p{Lu}\.\s?)+$/u;
// "with" in the languages bylines are written in: an aside that opens with it names co-authors.
const WITH = /^(?:with|avec|mit|con|com|met|med)\s+(?=\p{Lu})/iu;
// "Par Sébastien Farcis", "Von Anna Müller": a lead-in other than "By" is taken only before a full name,
// since "Von Trier" is a surname. "Di" and "De" open many surnames ("Di Maio", "De Gaulle", "De La
// Hoya"): they are a lead-in only before a given name that is not a particle and a surname after it.
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
const PARTICLE = '(?:La|Le|Las|Los|Lo|Van|Von|Der|Den|Du|Da|Di|De|Del|Della|Dos|Das)\\b';
// Case is spelt out, not left to the i flag: under it \p{Lu} would match a lower-case letter too.
const LEAD_IN = '(?:[Pp]ar|[Pp]or|[Vv]on|[Dd]oor|[Aa][vf]|PAR|POR|VON|DOOR)';
// A given name, then a surname, perhaps after lower-case particles ("Jan de Vries", "Ana da Silva").
const FULL_NAME = `${WORD}\\s+(?:\\p{Ll}{1,4}\\s+){0,2}\\p{Lu}`;
const FOREIGN_LEAD_IN = new RegExp(
  `^(?:${LEAD_IN}\\s+(?=${FULL_NAME})|(?:[Dd][ie]|DI|DE)\\s+(?!${PARTICLE})(?=${FULL_NAME}))`,
  'u',
);
// "Por EFE", "Von dpa", "Par AFP": a lead-in before an agency's name, in capitals or as it writes itself.
const AGENCY_LEAD_IN = new RegExp(
  `^(?:${LEAD_IN}|[Dd][ie])\\s+(?=(?:\\p{Lu}{2,}|dpa|apa|epd|kna|sda|ansa)(?:[\\s/,;]|$))`,
  'u',
);
// "and" in the languages bylines are written in, between two people: a name before, a full name after
// ("María López y Juan Pérez"), so a compound surname stays whole ("José Ortega y Gasset").
const FOREIGN_AND = new RegExp(`(?<=${WORD}) (?:y|e|en|og|och|i|és) (?=${WORD} \\p{L})`, 'gu');

/** The credit without its lead-in: "By", "Written by", "Par", "Von" (see FOREIGN_LEAD_IN). */
export function withoutLeadIn(text: string): string {
  // "by" as a word: "Byron Smith" is a name.
  return text
    .replace(/^(?:(?:written|posted|reported) )?by\b:? ?/i, '')
    .replace(FOREIGN_LEAD_IN, '')
    .replace(AGENCY_LEAD_IN, '');
}

/**
 * Drops lower-case asides ("(now)", "(stevenhgm)") with the space before them; a capitalised one may be
 * part of the credit and stays. A loop, because a leading \s* in the pattern backtracks polynomially.
 */
function withoutAsides(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(ASIDE)) {
    const keep = /^\p{Lu}/u.test(match[1]!);
    const coAuthors = WITH.exec(match[1]!);
    out += text.slice(from, match.index);
    // "(avec Damien Leloup et Morgane Tual)": more authors, credited like the first.
    if (coAuthors) out = `${out.trimEnd()}, ${match[1]!.slice(coAuthors[0].length)}`;
    else if (keep) out += match[0];
    else out = out.trimEnd();
    from = match.index + match[0].length;
  }
  return out + text.slice(from);
}

/** Drops trailing spaces, separators and dashes ("Ana Ruiz, " and "Ana Ruiz - " are "Ana Ruiz"). */
function trimPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t,;:-–—'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** The text before the first match of a pattern, trimmed (the whole text when it does not match). */
function cutAt(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  return (m ? text.slice(0, m.index) : text).trim();
}

const isLower = (word: string | undefined) => word !== undefined && /^\p{Ll}/u.test(word);

/**
 * A credit without its job: "Jason Burke Africa correspondent" is "Jason Burke", "Jessica Elgot Chief
 * political correspondent" is "Jessica Elgot", "Staff Writer" is "" (a job, nobody named).
 */
function withoutRole(credit: string): string {
  const words = credit.split(' ');
  const i = words.findIndex(isRoleNoun);
  if (i < 0) return credit;
  // "Guardian staff", "Washington bureau": the desk of a named body is credited as it is written.
  if (
    i > 0 &&
    i === words.length - 1 &&
    isCollective(words[i]!) &&
    !isRoleQualifier(words[i - 1]!) &&
    !isLower(words[i - 1])
  )
    return credit;
  let j = i;
  while (j > 0 && (isLower(words[j - 1]) || isRoleQualifier(words[j - 1]!))) j--;
  // A job in sentence case opens with one capitalised word ("Africa correspondent"); a name keeps two words.
  if (isLower(words[i]) && isLower(words[j]) && j >= 3) j--;
  if (j > 0) return trimPunctuation(words.slice(0, j).join(' '));
  // The job comes first ("Reporter Ana Ruiz"): the name, if any, follows it.
  const rest = words.slice(i + 1);
  return rest.length > 0 && !isLower(rest[0]) ? withoutRole(rest.join(' ')) : '';
}

/** A credit that names someone (or a collective such as "Associated Press"), or "" for a job, date or login. */
function cleanCredit(part: string): string {
  // "Our Foreign Staff", "Our Correspondent": the paper's own desk, credited as written.
  if (/^[Oo]ur\s+\p{Lu}/u.test(part.trim())) return trimPunctuation(part.trim());
  const credit = trimPunctuation(withoutRole(trimPunctuation(part.trim())));
  if (credit.length <= 1 || credit.length > 80 || !/\p{L}/u.test(credit)) return '';
  return CREDENTIAL.test(credit) || isAccountName(credit) ? '' : credit;
}

/** The byline's first line, without its lead-in, dates, datelines and asides. */
function bylineText(raw: string): string {
  // A byline block often continues on other lines with an editor, a desk or a date: the first line names the authors.
  const lines = raw
    .slice(0, 2000)
    .split(/\r?\n/)
    .map((l) => normalizeLine(l))
    .filter(Boolean);
  if (lines.length > 1 && /^(?:by|written by):?$/i.test(lines[0]!))
    lines.splice(0, 2, `${lines[0]} ${lines[1]}`);
  let text = lines[0] ?? '';
  if (!text || /^https?:\/\//i.test(text) || NOT_A_NAME.test(text)) return '';
  text = withoutLeadIn(text);
  text = cutAt(text, /[|•·]|\s(?:https?:\/\/|www\.)/i);
  text = cutAt(text, DATE);
  text = cutAt(text, DATED);
  text = withoutAsides(text).replace(FOREIGN_AND, ', ');
  return trimPunctuation(text.replace(DATELINE, ''));
}

/** Splits at commas and conjunctions, keeping "Ash, C." (a surname and initials) and "X and agencies" whole. */
function splitCredits(text: string): string[] {
  const credits: string[] = [];
  let previous: string | undefined;
  for (const raw of text.split(SEPARATOR)) {
    const part = raw.trim();
    if (previous !== undefined && INITIALS.test(part)) {
      credits[credits.length - 1] = `${cleanCredit(previous) || previous}, ${part}`;
      previous = undefined;
    } else if (previous !== undefined && isLower(part) && part.split(' ').some(isRoleNoun)) {
      // "Defence and security editor": the conjunction was inside the job, not between two people.
      previous = `${previous} and ${part}`;
      credits[credits.length - 1] = cleanCredit(previous);
    } else if (AGENCY_CREDIT.test(part)) {
      // "Staff and agencies": one credit, whatever the part before it is.
      const credit = previous === undefined ? part : `${cleanCredit(previous) || previous} and ${part}`;
      if (previous !== undefined) credits.pop();
      credits.push(credit);
      previous = undefined;
    } else {
      credits.push(cleanCredit(part));
      previous = part;
    }
  }
  return credits.filter(Boolean);
}

/**
 * Splits a byline into credits: "By A and B" is two, "A, B & C" is three. Drops the "By" lead-in, jobs
 * and desks ("A, Staff Writer", "A Africa correspondent"), datelines ("A in Washington"), credentials
 * ("MA"), dates and logins ("admin"); keeps "Surname, Given" and "X and agencies" whole.
 */
export function splitAuthors(raw: string | undefined | null): string[] {
  if (!raw) return [];
  const text = bylineText(String(raw));
  if (!text || !/\p{L}/u.test(text)) return [];
  // "Doe, Jane": one comma, no conjunction, a one-word surname first.
  const commaParts = text.split(',').map((p) => p.trim());
  if (
    commaParts.length === 2 &&
    !/\band\b|&/i.test(text) &&
    !/\s/.test(commaParts[0]!) &&
    commaParts[1] &&
    cleanCredit(commaParts[1]) === commaParts[1] &&
    !isAccountName(commaParts[0]!)
  )
    return [text];
  return [...new Set(splitCredits(text))];
}
