import { z } from 'zod';
import { BlockKindSchema } from '../model/block-schema';
import { EntityTypeSchema } from '../model/entity-schema';

export const TextSegmentSchema = z.object({ type: z.literal('text'), text: z.string() });

export const MentionSegmentSchema = z.object({
  type: z.literal('mention'),
  text: z.string(),
  /** Index into article.entities. */
  entity: z.number().int().nonnegative(),
  entityId: z.string(),
  entityType: EntityTypeSchema,
  first: z
    .boolean()
    .describe(
      'The first mention of this entity in its section (blocks up to the next heading): the one to link.',
    ),
});

export const InlineSegmentSchema = z.discriminatedUnion('type', [TextSegmentSchema, MentionSegmentSchema]);

export const QuoteSegmentSchema = z.object({
  type: z.literal('quote'),
  /** Index into article.quotes. */
  quote: z.number().int().nonnegative(),
  speaker: z.string().optional(),
  speakerEntityId: z.string().optional(),
  continuesFrom: z.boolean().describe('The quotation opened in an earlier block.'),
  continuesInto: z.boolean().describe('The quotation closes in a later block (so its speaker goes there).'),
  parts: z.array(InlineSegmentSchema),
});

export const SegmentSchema = z.discriminatedUnion('type', [
  TextSegmentSchema,
  MentionSegmentSchema,
  QuoteSegmentSchema,
]);

export const BlockSegmentsSchema = z.object({ kind: BlockKindSchema, segments: z.array(SegmentSchema) });

export const QuoteDecisionSchema = z.object({
  needsAttribution: z
    .boolean()
    .describe('The quotation has a speaker whose name (or an alias) its paragraph does not already give.'),
  isStatement: z
    .boolean()
    .describe(
      'A whole quotation of enough words to stand alone, as a pull-quote; not a word woven into a sentence.',
    ),
});

export const ArticleSegmentsSchema = z.object({
  /** One per body block, in order. */
  blocks: z.array(BlockSegmentsSchema),
  /** One per article.quotes entry, in order. */
  quotes: z.array(QuoteDecisionSchema),
});

export type TextSegment = z.infer<typeof TextSegmentSchema>;
export type MentionSegment = z.infer<typeof MentionSegmentSchema>;
export type InlineSegment = z.infer<typeof InlineSegmentSchema>;
export type QuoteSegment = z.infer<typeof QuoteSegmentSchema>;
export type Segment = z.infer<typeof SegmentSchema>;
export type BlockSegments = z.infer<typeof BlockSegmentsSchema>;
export type QuoteDecision = z.infer<typeof QuoteDecisionSchema>;
export type ArticleSegments = z.infer<typeof ArticleSegmentsSchema>;
