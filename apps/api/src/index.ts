// @gazette/api: the Gazette HTTP API (Hono), runtime-agnostic. Node: ./node; Workers: ./worker; client: ./client.
export { type AppOptions, createApp, type GazetteApp } from './app';
export type { AppDeps } from './deps';
export { type Problem, PROBLEMS, ProblemSchema } from './http/problem';
export { API_LIMITS } from './limits';
