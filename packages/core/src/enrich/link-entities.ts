import { slugify } from '../ids/slugify';
import type { Entity, EntityType, Mention } from '../model/entity-schema';
import { countryByDemonym, countryByName } from './countries';
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
  const entities = new Map<string, Entity>();
  const linked: LinkedMention[] = [];
  const entityFor = (id: string, name: string, type: EntityType, countryCode?: string): Entity => {
    let e = entities.get(id);
    if (!e) {
      e = { id, name, type, aliases: [], mentions: [] };
      if (countryCode) e.countryCode = countryCode;
      entities.set(id, e);
    }
    return e;
  };

  // People: full names first, so that a lone surname can join them.
  const people: Array<{ words: string[]; name: string }> = [];
  const pending: Array<{ block: number; span: RecognizedSpan; text: string; name: string }> = [];
  spans.forEach((list, block) => {
    for (const span of list) {
      const text = blocks[block]!.slice(span.start, span.end);
      const name = cleanName(text);
      if (!/\p{L}/u.test(name)) continue;
      pending.push({ block, span, text, name });
      if (span.label === 'PER' && name.includes(' ')) people.push({ words: name.split(' '), name });
    }
  });
  people.sort((a, b) => b.words.length - a.words.length);
  // Indexes over the full names (longest first), so linking stays linear on long documents.
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
  // One name, one type per document: a word of a person's full name is that person ("Bazoum" after
  // "Mohamed Bazoum"), a country's name is the country, and otherwise the majority label wins.
  const votes = new Map<string, Map<NerLabel, number>>();
  for (const p of pending) {
    let v = votes.get(p.name);
    if (!v) {
      v = new Map();
      votes.set(p.name, v);
    }
    v.set(p.span.label, (v.get(p.span.label) ?? 0) + 1);
  }
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

  for (const { block, span, text, name } of pending) {
    // Offsets of the name inside the span (a title or "the" dropped in front).
    const inner = text.replace(/[’`]/g, "'").lastIndexOf(name.split(' ')[0]!);
    const start = span.start + Math.max(0, inner);
    const end = Math.min(span.end, start + name.length);
    let entity: Entity;
    let demonym = false;
    const country = span.label === 'LOC' || span.label === 'MISC' ? countryByName(name) : undefined;
    const adjective = span.label === 'MISC' ? countryByDemonym(name) : undefined;
    if (country && (span.label === 'LOC' || name === text)) {
      entity = entityFor(`country:${country.code.toLowerCase()}`, country.name, 'place', country.code);
    } else if (adjective) {
      entity = entityFor(`country:${adjective.code.toLowerCase()}`, adjective.name, 'place', adjective.code);
      demonym = true;
    } else {
      const type = TYPES[span.label];
      let canonical = name;
      if (type === 'person' && !name.includes(' ')) {
        const full = byEndWord.get(name);
        if (full) canonical = full;
      } else if (type === 'person') {
        const longer = bySuffix.get(name);
        if (longer) canonical = longer;
      }
      const slug = slugify(canonical) || encodeURIComponent(canonical.toLowerCase());
      entity = entityFor(`${PREFIX[type]}:${slug}`, canonical, type);
      const known = type === 'place' && entity.mentions.length === 0 ? place?.(canonical) : undefined;
      if (known) {
        entity.countryCode = known.countryCode;
        entity.coordinates = { lat: known.lat, lon: known.lon };
      }
    }
    const mention: Mention = { block, start, end };
    const surface = blocks[block]!.slice(start, end);
    if (demonym) {
      entity.demonymMentions ??= [];
      entity.demonymMentions.push(mention);
    } else {
      entity.mentions.push(mention);
      if (!entity.aliases.includes(surface)) entity.aliases.push(surface);
    }
    linked.push({ ...mention, text: surface, entity, demonym });
  }
  return linked;
}
