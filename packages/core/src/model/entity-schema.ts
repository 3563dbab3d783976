import { z } from 'zod';
import { BlockIndexSchema, OffsetSchema } from './position-schema';

export const EntityTypeSchema = z.enum(['person', 'organization', 'place', 'other']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const MentionSchema = z.object({ block: BlockIndexSchema, start: OffsetSchema, end: OffsetSchema });
export type Mention = z.infer<typeof MentionSchema>;

/** Latitude and longitude in degrees (WGS 84, as GeoNames gives them). */
export const CoordinatesSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const EntitySchema = z
  .object({
    id: z.string().min(1).describe('Stable across articles: the same entity has the same id everywhere.'),
    name: z.string().min(1),
    type: EntityTypeSchema,
    aliases: z.array(z.string()),
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional()
      .describe('ISO 3166-1 alpha-2: of a country, or of the country a place of the gazetteer is in.'),
    coordinates: CoordinatesSchema.optional().describe(
      'Where a place of the gazetteer is (GeoNames, read with @gazette/core/places).',
    ),
    mentions: z.array(MentionSchema),
    demonymMentions: z
      .array(MentionSchema)
      .optional()
      .describe(
        'For a country: where the text uses its adjective or demonym ("French troops"). Not counted as mentions of the place.',
      ),
  })
  .meta({ id: 'Entity' });
export type Entity = z.infer<typeof EntitySchema>;
