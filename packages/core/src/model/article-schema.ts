import { z } from 'zod';
import { AmountSchema } from './amount-schema';
import { BlockSchema } from './block-schema';
import { DateMentionSchema } from './date-mention-schema';
import { EntitySchema } from './entity-schema';
import { ProvenanceSchema } from './provenance-schema';
import { QualityFlagSchema } from './quality-flag-schema';
import { QuoteSchema } from './quote-schema';
import { RelatedSchema } from './related-schema';

/** ISO 8601 date or date-time; a date is never invented, so these fields are optional. */
export const IsoDateSchema = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()]);

export const SourceSchema = z
  .object({ name: z.string().min(1), url: z.string().optional() })
  .meta({ id: 'Source' });
export type Source = z.infer<typeof SourceSchema>;

export const DateEstimateSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    evidence: z.array(z.string()).describe('The phrases of the text the window was estimated from.'),
  })
  .meta({
    id: 'DateEstimate',
    description: 'An estimated publication window; never a substitute for publishedAt.',
  });
export type DateEstimate = z.infer<typeof DateEstimateSchema>;

export const ArticleSchema = z
  .object({
    id: z.string().regex(/^a_[0-9a-f]{16}$/),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    title: z.string().min(1),
    titleSource: z.enum(['given', 'derived']),
    standfirst: z.string().optional(),
    summary: z.string().optional().describe('Extractive summary: sentences of the text, never new words.'),
    byline: z.array(z.string()),
    source: SourceSchema.optional(),
    url: z.string().optional(),
    image: z.string().optional(),
    language: z.string().min(2).describe('BCP 47 tag'),
    publishedAt: IsoDateSchema.optional(),
    updatedAt: IsoDateSchema.optional(),
    firstSeenAt: IsoDateSchema.optional().describe(
      'When a store first saved the article: a true date even for an undated article. Set by the store and kept across updates; never read from a page or feed (an Article record read back, such as an export, keeps its own).',
    ),
    publishedEstimate: DateEstimateSchema.optional(),
    section: z.string().optional(),
    dateline: z
      .object({ place: z.string().min(1).optional(), agency: z.string().min(1).optional() })
      .optional()
      .describe(
        'Where a wire story was filed and by which agency, as its first paragraph opened ("LONDON (Reuters) -"); lifted out of the body.',
      ),
    tags: z.array(z.string()),
    body: z.array(BlockSchema),
    related: z.array(RelatedSchema),
    quotes: z.array(QuoteSchema),
    entities: z.array(EntitySchema),
    dates: z.array(DateMentionSchema),
    amounts: z.array(AmountSchema),
    wordCount: z.number().int().nonnegative(),
    readingMinutes: z.number().int().nonnegative(),
    quality: z.array(QualityFlagSchema),
    provenance: ProvenanceSchema,
  })
  .meta({ id: 'Article', title: 'Gazette Article' });
export type Article = z.infer<typeof ArticleSchema>;
