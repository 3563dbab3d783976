import type { EntityType } from '../model/entity-schema';
import { linkEntities } from './link-entities';
import type { EntityRecognizer } from './recognizer';
import { ruleRecognizer } from './rule-recognizer';

/** One name found in a string: offsets into that string, and the canonical name it links to. */
export interface ExtractedEntity {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  name: string;
}

/**
 * The names in any string, with the same recogniser and linking as article enrichment: "President
 * Emmanuel Macron" gives "Emmanuel Macron" (the title is not part of it); an adjective of a country
 * ("French") is not a name and is left out. The rule-based recogniser by default; pass `nerRecognizer`
 * (@gazette/core/ner) for the trained tagger.
 */
export function extractEntities(
  text: string,
  recognizer: EntityRecognizer = ruleRecognizer,
): ExtractedEntity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const linked = linkEntities([text], recognizer.recognize([text]), recognizer.place);
  return linked
    .filter((m) => !m.demonym)
    .map((m) => ({ type: m.entity.type, start: m.start, end: m.end, text: m.text, name: m.entity.name }));
}
