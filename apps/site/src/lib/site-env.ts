import { z } from 'zod';

// The build reads its environment once, here, so a bad value fails the build with one clear message.
const SiteEnvSchema = z.object({
  GAZETTE_DB: z
    .string()
    .min(1)
    .optional()
    .describe('Path to an article store (gazette ingest --db); wins over GAZETTE_SNAPSHOT.'),
  GAZETTE_SNAPSHOT: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Path to a corpus snapshot file (the bytes of corpus.toSnapshot()); the built-in corpus when absent.',
    ),
  GAZETTE_CORPUS_REVISION: z
    .string()
    .min(1)
    .optional()
    .describe(
      'What GAZETTE_DB or GAZETTE_SNAPSHOT holds (set by npm run build and npm start): turbo keys the cached build by it.',
    ),
  TURBO_HASH: z
    .string()
    .optional()
    .describe('Set by turbo for the task it runs (and inherited by its children).'),
  npm_lifecycle_event: z.string().optional().describe('Set by npm: the script it runs ("build").'),
  npm_package_name: z.string().optional().describe('Set by npm: the package whose script it runs.'),
  GAZETTE_SITE_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:4321')
    .describe('The origin the site is served from: canonical URLs, feeds and the sitemap use it.'),
  GAZETTE_SITE_OUT: z.string().min(1).optional().describe('Where to write the site (default: dist/).'),
  GAZETTE_SITE_PROFILE: z
    .string()
    .min(1)
    .optional()
    .describe('A file: time the core query functions during the build and write the totals there (bench).'),
});
export type SiteEnv = z.infer<typeof SiteEnvSchema>;

let cached: SiteEnv | undefined;

export function siteEnv(env: Record<string, string | undefined> = process.env): SiteEnv {
  if (cached) return cached;
  const parsed = SiteEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Bad site environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  cached = parsed.data;
  return cached;
}
