import type { EntityType, InlineSegment, QuoteDecision, Segment } from '@gazette/core/query';
import { safeLine, safeText } from './safe-text';
import { type Span, type SpanStyle, span } from './spans';

const ENTITY_STYLE: Record<EntityType, SpanStyle> = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  other: 'other',
};

export const entityStyle = (type: EntityType): SpanStyle => ENTITY_STYLE[type];

// Names keep their colour inside a quotation.
const inlineSpan = (s: InlineSegment, base: SpanStyle): Span =>
  span(s.text, s.type === 'mention' ? ENTITY_STYLE[s.entityType] : base);

/**
 * The spans of one block from the core's segments: names by type, quotations marked (in every block they
 * cover), and a quotation's speaker after it where it closes, when the text does not already name them.
 */
export function segmentSpans(segments: readonly Segment[], quotes: readonly QuoteDecision[]): Span[] {
  const spans: Span[] = [];
  for (const s of segments) {
    if (s.type !== 'quote') {
      spans.push(inlineSpan(s, 'plain'));
      continue;
    }
    spans.push(...s.parts.map((p) => inlineSpan(p, 'quote')));
    if (s.continuesInto) continue;
    if (!s.speaker) spans.push(span(' ‹', 'dim'), span('unattributed', 'speaker'), span('›', 'dim'));
    else if (quotes[s.quote]?.needsAttribution)
      spans.push(span(' ‹', 'dim'), span(safeLine(s.speaker), 'speaker'), span('›', 'dim'));
  }
  // Made safe after splitting: the core's offsets refer to the text as stored.
  return spans.map((s) => span(safeText(s.text).replace(/\n/g, ' '), s.style));
}
