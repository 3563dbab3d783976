// Verbs that news headlines are built on. A line that carries one reads as a headline of a story
// (a teaser), whereas a subheading inside a story is usually a noun phrase ("The road to the coup").
const BASE = `ban approve say warn call urge vow reject deny claim kill win lose hit back slam plan seek face hold
arrest charge sue announce launch sign end cut raise rise fall drop jump reach return leave quit resign die name
appoint elect vote pass block order threaten attack strike storm seize free release open close move set get make
take give begin start stop suspend lift impose condemn criticise criticize welcome reveal report confirm insist
promise pledge demand ask tell meet visit join expel withdraw recall declare accuse blame probe investigate boost
hike slash unveil hail mourn sack fire hire buy sell agree fail need want become remain see show find lead top
beat eye mull weigh host adopt summon recognise recognize sever endorse support oppose defend receive kick sever
flee evacuate rescue crash collapse soar plunge surge tumble post lose record break overturn scrap axe probe
clash protest march rally urge push eye target admit apologise apologize reach approve okay sanction
detain jail sentence convict acquit honour honor bar restrict extend delay postpone cancel`;

// Past tenses and third-person forms only: auxiliaries (is, was, can) and bare participles occur in any
// sentence, so they say nothing about a headline.
const IRREGULAR = `said told won lost held left made took gave began rose fell met saw found led struck sold bought became
fled broke overtook kept sent spent brought thought went came says`;

function inflect(word: string): string[] {
  const forms = [`${word}s`, `${word}ed`, `${word}d`];
  if (/(s|sh|ch|x|z|o)$/.test(word)) forms.push(`${word}es`);
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  // Consonant doubling: ban -> banned, slam -> slammed.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) forms.push(`${word}${word.at(-1)}ed`);
  return forms;
}

/** Inflected forms (bans, banned, said): a finite verb, as headlines have. */
export const HEADLINE_VERBS: ReadonlySet<string> = new Set([
  ...BASE.split(/\s+/).flatMap(inflect),
  ...IRREGULAR.split(/\s+/),
]);

/** Base forms (approve): a finite verb only after a plural subject ("others approve"). */
export const HEADLINE_VERB_BASES: ReadonlySet<string> = new Set(BASE.split(/\s+/));
