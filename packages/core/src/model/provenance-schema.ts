import { z } from 'zod';

export const InputFormatSchema = z.enum(['text', 'html', 'feed', 'json', 'ndjson', 'markdown']);
export type InputFormat = z.infer<typeof InputFormatSchema>;

/** Where each field came from: "given" (caller's meta), "front-matter", "derived:lede", "json-ld", "meta:og"... */
export const ProvenanceSchema = z
  .object({
    format: InputFormatSchema,
    contentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the normalised body text.'),
    parser: z.string().describe('Name and version of the parser that read the input.'),
    fields: z.record(z.string(), z.string()).describe('For each filled field, where its value came from.'),
  })
  .meta({ id: 'Provenance' });
export type Provenance = z.infer<typeof ProvenanceSchema>;
