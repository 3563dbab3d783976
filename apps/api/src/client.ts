// @gazette/api/client: the Gazette API from any runtime with fetch, called as a corpus is. It shares the
// API's table of reads and its query-string codec, so client and server cannot disagree on either.
export {
  decodeQuery,
  encodeQuery,
  type FieldKind,
  type QueryField,
  queryFields,
} from './client/query-codec';
export { MAX_REPLY_BYTES } from './client/read-reply';
export { READ_ROUTES, type ReadName, type ReadRoute } from './client/read-routes';
export {
  apiBaseUrl,
  DEFAULT_TIMEOUT_MS,
  type RemoteCorpus,
  type RemoteOptions,
  remoteCorpus,
} from './client/remote-corpus';
export { isRemoteError, RemoteError } from './client/remote-error';
export { type RemoteLive, type RemoteLiveOptions, remoteLive } from './client/remote-live';
