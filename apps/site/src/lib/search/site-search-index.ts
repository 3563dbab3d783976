import { allArticles } from '../corpus-walk';
import { siteCorpus } from '../site-corpus';
import { buildSearchIndex, type SearchIndexFiles } from './build-search-index';

let cached: SearchIndexFiles | undefined;

/** The site's split search index, built once per build from the site corpus. */
export function siteSearchIndex(): SearchIndexFiles {
  cached ??= buildSearchIndex(allArticles(siteCorpus()));
  return cached;
}
