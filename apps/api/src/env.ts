import { z } from 'zod';

/** The environment the Node server reads, parsed once at start. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  GAZETTE_DB: z
    .string()
    .min(1)
    .optional()
    .describe('A corpus store to serve instead of the built-in corpus: a SQLite file, or a postgres:// URL.'),
  GAZETTE_SEGMENTS: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Where a database store's segments are kept (a SQLite file's are beside it); default a per-user cache folder.",
    ),
  GAZETTE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.example.org' })
    .refine((u) => !/[?#]/.test(u), 'must have no query or fragment')
    .optional()
    .describe('The public base URL of the API, for absolute links in feeds; relative links without it.'),
});
export type Env = z.infer<typeof EnvSchema>;

/**
 * What the worker reads of its `env` binding (wrangler `[vars]`, or the dashboard's variables): the same
 * variables as on Node, less those of a Node server (port, host, store).
 */
export const WorkerEnvSchema = EnvSchema.pick({ GAZETTE_PUBLIC_URL: true });
export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

export function parseEnv(env: Record<string, string | undefined>): Env {
  return parseWith(EnvSchema, env);
}

/** The worker's `env` binding, checked as the Node server checks its environment. */
export function parseWorkerEnv(env: Record<string, unknown>): WorkerEnv {
  return parseWith(WorkerEnvSchema, env);
}

function parseWith<S extends z.ZodType>(schema: S, env: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `Invalid environment: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}${issue?.path[0] === 'PORT' ? ' (PORT is 0-65535)' : ''}.`,
    );
  }
  return result.data;
}
