// Word-level cues around a reporting verb that name a speaker without a recognised name at the verb:
// a title between the verb and the name ("said Finance Minister Omar Davies"), or a description in place
// of the name ("the prop said", "said the Warriors chief").

// Words that end a title run: a name after them is not the one the verb introduces ("said that Smith…").
const NOT_IN_TITLE =
  /^(?:that|this|it|its|he|she|they|we|i|you|was|were|is|are|be|been|would|will|could|should|can|may|had|has|have|and|but|or|in|on|at|to|for|with|by|from|after|before|when|if|as|there|his|her|their|our|not|no|who|which|what|whom|whose|how|why|where)$/i;

/**
 * Whether the words between a reporting verb and a name are only a title or job ("Dr", "Finance
 * Minister", "London race director", "the Yukos chief executive"): a few words, no clause, no punctuation.
 */
export function onlyTitleBetween(between: string): boolean {
  // A comma may close the title before the name ("said EEF chief economist, Steve Radley").
  const words = between
    .replace(/^[\s,]*/, '')
    .replace(/,\s*$/, '')
    .trim();
  if (words === '') return true;
  if (words.length > 60 || /[,.;:"“”()!?]/.test(words)) return false;
  const list = words.split(/\s+/);
  return list.length <= 6 && list.every((w) => !NOT_IN_TITLE.test(w));
}

// Heads of a description that name no one person (an organisation, a document, an unnamed source, a group).
const NOT_A_PERSON =
  /^(?:company|firm|group|government|report|statement|survey|study|poll|bank|club|court|ministry|department|party|union|body|agency|magazine|newspaper|paper|website|site|board|committee|council|organisation|organization|association|federation|league|team|side|band|police|army|commission|authority|service|industry|market|document|letter|bill|law|book|film|show|programme|program|station|network|channel|broadcaster|regulator|watchdog|airline|carrier|maker|retailer|exchange|fund|trust|charity|campaign|state|country|city|town|spokesman|spokeswoman|spokesperson|source|official|insider|executive|person|man|woman|other|latter|former|rest|same|world|public|paper|evidence|data|figures|research|website)$/i;

const DESCRIPTION_WORD = "[\\p{L}\\p{N}'’-]+";

// Words a description of a person does not hold: a verb form, a particle or a conjunction means the phrase
// runs on into a clause ("the prime minister shrugged off", "the proposals but said").
const CLAUSE_WORD =
  /^(?:\p{Ll}{3,}ed|off|up|out|down|back|away|over|also|who|which|that|has|had|have|is|was|were|are|will|would|not|but|and|or|so|then)$/u;

// Offices written with a capital after "the" ("the Bishop said", "the Chancellor told MPs"): a description.
const CAPITALISED_OFFICE =
  /^(?:Bishop|Archbishop|Cardinal|Pope|President|Chancellor|Minister|Secretary|Governor|Senator|Judge|Mayor|Premier|Chairman|Chairwoman|King|Queen|Prince|Princess|Speaker|Commissioner|Ambassador)$/;

/** The head word of a description that can stand for a person: singular, lower case, not an institution. */
function personHead(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/);
  if (words.some((w) => CLAUSE_WORD.test(w))) return undefined;
  const head = words[words.length - 1] ?? '';
  if (CAPITALISED_OFFICE.test(head)) return phrase.trim();
  if (!/^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*$/u.test(head)) return undefined;
  if (NOT_A_PERSON.test(head) || (/s$/.test(head) && !/ss$/.test(head))) return undefined;
  return phrase.trim();
}

/** "…the prop" (or "The 30-year-old") just before a verb: the description, or undefined. */
export function descriptionBefore(before: string): string | undefined {
  const m = new RegExp(`(?:^|[\\s,])[Tt]he((?:\\s+${DESCRIPTION_WORD}){1,4})\\s*$`, 'u').exec(before);
  return m ? personHead(m[1]!) : undefined;
}

/** "the Warriors chief" just after a verb, ending the clause: the description, or undefined. */
export function descriptionAfter(after: string): string | undefined {
  const m = new RegExp(`^\\s*the((?:\\s+${DESCRIPTION_WORD}){1,4}?)\\s*(?:[.,;:]|$)`, 'u').exec(after);
  return m ? personHead(m[1]!) : undefined;
}

// Prepositions that put a name in a phrase hanging off another noun ("an associate of X", "a message sent
// to X"): such a name is not the subject of the verb that follows. Not "by": it names the agent ("a survey
// by X said").
const PREPOSITION =
  /(?:^|\s)(?:of|to|with|for|against|from|at|on|in|into|about|over|than|like|between|under|behind|towards?)$/i;
// A title or a voice before the preposition names the person or body itself: "minister for civil aviation
// X", "director of television X", "a spokesman for X", "a statement from X".
const TITLE_HEAD =
  /(?:^|\s)(?:spokes(?:man|woman|person)|statement|letter|report|message|review|article|editorial|column|interview|survey|study|poll|representative|minister|secretary|head|chair(?:man|woman)?|president|director|chief|governor|leader|mayor|professor|editor|manager|coach|captain|commissioner|ambassador|analyst|economist|executive|officer|boss),?\s+(?:of|for|at|in|from)$/i;

/**
 * Whether the name after `before` sits in a prepositional phrase ("associate of former Yukos boss X",
 * "sent to Finnish firm X"): the preposition, then at most a title before the name. A title's or a
 * spokesman's ("minister for aviation X", "a spokesman for X") is not such a phrase: it names who speaks.
 */
export function inPrepositionalPhrase(before: string): boolean {
  // "…remains undimmed, Alan Milburn": a name after a comma opens a clause of its own.
  if (/,\s*$/.test(before)) return false;
  const words = before.trimEnd().split(/\s+/);
  // The title words between the preposition and the name: at most three, none ending a clause.
  for (let k = words.length - 1; k >= Math.max(0, words.length - 4); k--) {
    const head = words.slice(0, k + 1).join(' ');
    if (PREPOSITION.test(head))
      return !TITLE_HEAD.test(head) && !inProperName(words, k) && !ownPhrase(words, k);
    // "on Thursday Mr Blair": a date ends the phrase.
    if (TIME_WORD.test(words[k]!)) return false;
    if (!onlyTitleBetween(words.slice(k).join(' '))) return false;
  }
  return false;
}

// A number is one digit then word characters (`\d\w*`, not `\d+\w*`: the two overlap, which backtracks
// quadratically on a long run of digits; the ReDoS suite flagged it).
const TIME_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d\w*|today|yesterday|tomorrow|afternoon|morning|evening|night|week|weekend|year|month)$/i;

/**
 * "Bank of England governor", "War on Want's": a capitalised word on each side makes the preposition part
 * of a name (not "Speaking on BBC One's…", a participle opening the sentence).
 */
function inProperName(words: readonly string[], k: number): boolean {
  const left = words[k - 1] ?? '';
  return /^\p{Lu}/u.test(left) && !/ing$/.test(left) && /^\p{Lu}/u.test(words[k + 1] ?? '');
}

// Titles written with a capital before a name ("with Chancellor Gordon Brown"): part of the name's phrase.
const CAPITALISED_TITLE =
  /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Prof|Chancellor|President|Prime|Minister|Secretary|Foreign|Home|Shadow|Governor|Senator|Judge|Coach|Captain|Chairman|Director|Chief|King|Queen|Prince|Princess|Pope|Cardinal|Bishop|Archbishop|General|Colonel|Professor)\.?$/;

/**
 * "Speaking in Harrogate Mr Kennedy", "on BBC One's Breakfast": proper names alone between the preposition
 * (at `k`) and the name are the preposition's own object; the name starts a phrase of its own.
 */
function ownPhrase(words: readonly string[], k: number): boolean {
  const between = words.slice(k + 1).filter((w) => !CAPITALISED_TITLE.test(w));
  return between.length > 0 && between.every((w) => /^\p{Lu}/u.test(w));
}

// Heads of a phrase that stands for an organisation speaking with no name at the verb ("the firm said",
// "a spokesman added", "its spokeswoman told"): the organisation the text is about speaks.
const VOICE_HEAD =
  '(?:spokes(?:man|woman|person)|company|firm|group|ministry|department|bank|agency|commission|committee|board|organisation|organization|charity|regulator|watchdog|airline|retailer|carrier|maker|insurer|lender|operator)';
const VOICE_BEFORE = new RegExp(
  // "it" opening a clause ("…,” it said", "and it added"), not the object of a verb ("he felt it added").
  `(?:^|[\\s,])(?:[Tt]he|[Aa]n?|[Ii]ts)\\s+(?:[\\p{Ll}-]+\\s+){0,2}${VOICE_HEAD}$|(?:^|[,;"”]|\\b(?:and|but))\\s{0,3}[Ii]t$`,
  'u',
);
const VOICE_AFTER = new RegExp(
  `^\\s*(?:(?:the|a|an|its)\\s+(?:[\\p{Ll}-]+\\s+){0,2}${VOICE_HEAD}|it)\\s*(?:[.,;:]|$)`,
  'u',
);

/**
 * Whether the subject of a verb is an organisation left unnamed there: "it" ("…,” it said"), "the firm",
 * "a spokesman" ending the text before the verb, or standing alone after it ("…,” said the company.").
 */
export function organisationVoice(lead: string, after: string | undefined): boolean {
  return VOICE_BEFORE.test(lead) || (after !== undefined && VOICE_AFTER.test(after));
}

// What a text, not a person, says: a quotation the words of a headline, a sign or a memo.
const DOCUMENT_VOICE =
  /^[\s,]*(?:\p{Ll}+\s+){1,2}(?:the|a|an|its|his|her|their)\s+(?:[\p{L}'’-]+\s+){0,3}(?:headlines?|memo|memos|note|sign|signs|banner|banners|poster|posters|slogan|caption|placard|placards|inscription|graffiti|t-shirts?)\b/u;

/** Whether the text after a quotation credits it to a headline, sign, memo… ("…” implored the headline). */
export function documentVoiceAfter(after: string): boolean {
  return DOCUMENT_VOICE.test(after);
}

// A sentence whose subject is a thing described, not named ("The report said…", "The company added…").
const DESCRIBED_SUBJECT =
  /^\W*(?:The|A|An|Its)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+)\s+(?:has\s+|had\s+|also\s+)?(?:said|says|added|adds|warned|warns|argued|argues|claimed|claims|found|finds|concluded|concludes|recommended|recommends|stated|states|noted|notes|suggested|suggests)\b/u;

/**
 * Whether a sentence is about a thing that is no organisation ("The report said…", "The survey found…"):
 * an "it" after it stands for that thing, which names no speaker.
 */
export function aboutAThing(sentence: string): boolean {
  const head = DESCRIBED_SUBJECT.exec(sentence)?.[1];
  return head !== undefined && !new RegExp(`^${VOICE_HEAD}$`).test(head);
}
