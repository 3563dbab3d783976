// @gazette/core/node: Node-only helpers (files, standard input, URLs, the SQLite store). The rest of the core stays runtime-agnostic.
// Reading a corpus (a store, a snapshot file): the names of @gazette/core/node/query.
export * from './query';
export { readArticleFile, readStdin, readTextInput } from './read-article-file';
export { type Fetched, type FetchOptions, fetchUrl, USER_AGENT } from './fetch-url';
export {
  type IngestFailure,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingestSources,
} from './ingest-sources';
export { isUrl, listInputs } from './list-inputs';
export { openSqliteStore } from './sqlite-store';
export { STORE_SCHEMA, STORE_SCHEMA_VERSION } from './store-schema';
export { type FollowOptions, type FollowResult, followSources } from './follow-sources';
export {
  createPoller,
  type PollOptions,
  type Poller,
  type PollReport,
  type PollSummary,
} from './poll-sources';
export { publishDirectory, publishedTag } from './publish-directory';
export {
  type BuildInto,
  type BuildJob,
  REBUILD_EVERY_DEFAULT,
  type RebuildOptions,
  type RebuildOutcome,
  type RevisionRebuilder,
  rebuildEveryMs,
  rebuildOnRevision,
  revisionTag,
} from './rebuild-on-revision';
export { type BuildCommand, commandBuild } from './build-command';
export { startWatching, type Watching, type WatchOptions, watchSources } from './watch-sources';
export {
  type DeliveryReport,
  deliverAlerts,
  MAX_DELIVERY_ATTEMPTS,
  notifyAlerts,
  queueAlertMatches,
  signBody,
} from './alert-deliveries';
