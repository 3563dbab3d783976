import { slugify } from '../ids/slugify';
import type { Entity, EntityType, Mention } from '../model/entity-schema';
import { type Country, countryByDemonym, countryByName } from './countries';
import type { KnownPlace, NerLabel, RecognizedSpan } from './recognizer';
import { NAMES_WITH_THE, repairSpans } from './span-repairs';
import { PERSON_TITLES } from './titles';

const TYPES: Record<NerLabel, EntityType> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'other',
};
/** Population from which a name the recogniser left untyped is read as the city of the gazetteer. */
const WELL_KNOWN_CITY = 100_000;
const PREFIX: Record<EntityType, string> = {
  person: 'person',
  organization: 'org',
  place: 'place',
  other: 'other',
};

/** One linked mention: where it is, and the entity it belongs to. */
export interface LinkedMention extends Mention {
  text: string;
  entity: Entity;
  /** True for an adjective or demonym ("French troops") pointing at a country. */
  demonym: boolean;
}

function cleanName(raw: string): string {
  let words = raw.replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim().split(' ');
  while (words.length > 1 && PERSON_TITLES.has(words[0]!.toLowerCase())) words = words.slice(1);
  if (words.length > 1 && /^the$/i.test(words[0]!)) {
    // "the Hague" is The Hague; otherwise the article is not part of the name.
    const withThe = `The ${words.slice(1).join(' ')}`;
    words = NAMES_WITH_THE.has(withThe) ? withThe.split(' ') : words.slice(1);
  }
  return words.join(' ').replace(/'s$/i, '');
}

/** A recognised span with its text and cleaned name, waiting to be linked. */
interface PendingMention {
  block: number;
  span: RecognizedSpan;
  text: string;
  name: string;
}

/** Full names of people, indexed so that a lone surname, first name or shorter tail can find them. */
interface PersonIndex {
  /** First or last word of a full name -> the longest full name it ends. */
  byEndWord: Map<string, string>;
  /** A tail of two words or more of a full name ("de Gaulle") -> the longest full name it ends. */
  bySuffix: Map<string, string>;
  /** Every word of every full name. */
  personWords: Set<string>;
}

/** Every span whose cleaned name holds a letter, in document order, and the people's full names among them. */
function collectMentions(
  blocks: readonly string[],
  spans: readonly RecognizedSpan[][],
): { pending: PendingMention[]; people: FullName[] } {
  const people: FullName[] = [];
  const pending: PendingMention[] = [];
  spans.forEach((list, block) => {
    for (const span of list) {
      const text = blocks[block]!.slice(span.start, span.end);
      const name = cleanName(text);
      if (!/\p{L}/u.test(name)) continue;
      pending.push({ block, span, text, name });
      if (span.label === 'PER' && name.includes(' '))
        people.push({ words: name.split(' '), name, opensText: block === 0 && span.start === 0 });
    }
  });
  return { pending, people };
}

/** A person's name of two words or more, and whether it opens the text (where a headline may stand). */
interface FullName {
  words: string[];
  name: string;
  opensText: boolean;
}

/**
 * Indexes over the full names (longest first), so linking stays linear on long documents. A name opening
 * the text comes last among names as long: a headline capitalises every word, so its first word may not be
 * a given name at all ("Fuming Robinson blasts…" before "England coach Andy Robinson").
 */
function indexPeople(people: FullName[]): PersonIndex {
  people.sort((a, b) => b.words.length - a.words.length || Number(a.opensText) - Number(b.opensText));
  const byEndWord = new Map<string, string>();
  const bySuffix = new Map<string, string>();
  const personWords = new Set<string>();
  for (const p of people) {
    for (const w of p.words) personWords.add(w);
    const first = p.words[0]!;
    const last = p.words[p.words.length - 1]!;
    if (!byEndWord.has(last)) byEndWord.set(last, p.name);
    if (!byEndWord.has(first)) byEndWord.set(first, p.name);
    for (let k = 1; k < p.words.length - 1; k++) {
      const suffix = p.words.slice(k).join(' ');
      if (!bySuffix.has(suffix)) bySuffix.set(suffix, p.name);
    }
  }
  return { byEndWord, bySuffix, personWords };
}

/** How many times each name was given each label in the document. */
function countLabels(pending: readonly PendingMention[]): Map<string, Map<NerLabel, number>> {
  const votes = new Map<string, Map<NerLabel, number>>();
  for (const p of pending) {
    let v = votes.get(p.name);
    if (!v) {
      v = new Map();
      votes.set(p.name, v);
    }
    v.set(p.span.label, (v.get(p.span.label) ?? 0) + 1);
  }
  return votes;
}

/**
 * One name, one type per document: a word of a person's full name is that person ("Bazoum" after
 * "Mohamed Bazoum"), a country's name is the country, and otherwise the majority label wins. Relabels
 * the pending spans in place.
 */
function settleLabels(
  pending: PendingMention[],
  personWords: ReadonlySet<string>,
  place: ((name: string) => KnownPlace | undefined) | undefined,
): void {
  const votes = countLabels(pending);
  for (const p of pending) {
    let label: NerLabel = p.span.label;
    if (!p.name.includes(' ') && personWords.has(p.name)) label = 'PER';
    else if (label !== 'ORG' && countryByName(p.name)) label = 'LOC';
    else {
      const v = [...(votes.get(p.name) ?? [])].sort((a, b) => b[1] - a[1]);
      if (v[0] && v[0][1] > (v.find(([l]) => l === label)?.[1] ?? 0)) label = v[0][0];
    }
    // A city the gazetteer knows well is a place, when the recogniser could not type it.
    if (
      label === 'MISC' &&
      (place?.(p.name)?.population ?? 0) >= WELL_KNOWN_CITY &&
      !countryByDemonym(p.name)
    )
      label = 'LOC';
    if (label !== p.span.label) p.span = { ...p.span, label };
  }
}

/** The entity of this id, created with this name, type and country code on first sight. */
function entityFor(
  entities: Map<string, Entity>,
  id: string,
  name: string,
  type: EntityType,
  countryCode?: string,
): Entity {
  let e = entities.get(id);
  if (!e) {
    e = { id, name, type, aliases: [], mentions: [] };
    if (countryCode) e.countryCode = countryCode;
    entities.set(id, e);
  }
  return e;
}

/** The entity of a country: id `country:<code>`, its name and ISO code. */
function countryEntity(entities: Map<string, Entity>, country: Country): Entity {
  return entityFor(entities, `country:${country.code.toLowerCase()}`, country.name, 'place', country.code);
}

/** Offsets of the name inside the span (a title or "the" dropped in front). */
function nameOffsets(p: PendingMention): { start: number; end: number } {
  const inner = p.text.replace(/[’`]/g, "'").lastIndexOf(p.name.split(' ')[0]!);
  const start = p.span.start + Math.max(0, inner);
  return { start, end: Math.min(p.span.end, start + p.name.length) };
}

/** A person's name as its fullest form in the document: "Macron" is "Emmanuel Macron". */
function canonicalPerson(name: string, people: PersonIndex): string {
  if (!name.includes(' ')) return people.byEndWord.get(name) ?? name;
  return people.bySuffix.get(name) ?? name;
}

/**
 * The entity a mention belongs to: a country (by name, or by adjective as a demonym mention), or the
 * entity of its canonical name, a place the gazetteer knows getting its country and coordinates.
 */
function resolveEntity(
  entities: Map<string, Entity>,
  { span, text, name }: PendingMention,
  people: PersonIndex,
  place: ((name: string) => KnownPlace | undefined) | undefined,
): { entity: Entity; demonym: boolean } {
  const country = span.label === 'LOC' || span.label === 'MISC' ? countryByName(name) : undefined;
  if (country && (span.label === 'LOC' || name === text))
    return { entity: countryEntity(entities, country), demonym: false };
  const adjective = span.label === 'MISC' ? countryByDemonym(name) : undefined;
  if (adjective) return { entity: countryEntity(entities, adjective), demonym: true };
  const type = TYPES[span.label];
  const canonical = type === 'person' ? canonicalPerson(name, people) : name;
  const slug = slugify(canonical) || encodeURIComponent(canonical.toLowerCase());
  const entity = entityFor(entities, `${PREFIX[type]}:${slug}`, canonical, type);
  const known = type === 'place' && entity.mentions.length === 0 ? place?.(canonical) : undefined;
  if (known) {
    entity.countryCode = known.countryCode;
    entity.coordinates = { lat: known.lat, lon: known.lon };
  }
  return { entity, demonym: false };
}

/** Records the mention on its entity: a demonym apart, a name mention with its surface as an alias. */
function addMention(entity: Entity, mention: Mention, surface: string, demonym: boolean): void {
  if (demonym) {
    entity.demonymMentions ??= [];
    entity.demonymMentions.push(mention);
  } else {
    entity.mentions.push(mention);
    if (!entity.aliases.includes(surface)) entity.aliases.push(surface);
  }
}

/**
 * Groups recognised spans into entities with canonical names, aliases and stable ids:
 * countries get their ISO code and the id `country:<code>` ("Niger Republic" is Niger, NE); a surname
 * or first name alone joins the fuller name of a person in the same document ("Macron" is Emmanuel
 * Macron); an adjective of a country ("French") links to the country as a demonym mention, not a name.
 * Ids are `<type>:<slug of the canonical name>`, so the same name is the same entity in every article.
 */
export function linkEntities(
  blocks: readonly string[],
  found: readonly RecognizedSpan[][],
  place?: (name: string) => KnownPlace | undefined,
): LinkedMention[] {
  const spans = repairSpans(blocks, found);
  // People: full names first, so that a lone surname can join them.
  const { pending, people } = collectMentions(blocks, spans);
  const index = indexPeople(people);
  settleLabels(pending, index.personWords, place);
  const entities = new Map<string, Entity>();
  return pending.map((p) => {
    const { start, end } = nameOffsets(p);
    const { entity, demonym } = resolveEntity(entities, p, index, place);
    const mention: Mention = { block: p.block, start, end };
    const surface = blocks[p.block]!.slice(start, end);
    addMention(entity, mention, surface, demonym);
    return { ...mention, text: surface, entity, demonym };
  });
}
