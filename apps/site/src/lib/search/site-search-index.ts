import { searchShards } from '@gazette/core/query';
import { allArticles } from '../corpus-walk';
import { siteCorpus } from '../site-corpus';

let cached: Map<string, string> | undefined;

/** The site's search index files (path under /search/ -> JSON), written by the core once per build. */
export function siteSearchFiles(): Map<string, string> {
  cached ??= new Map(searchShards(allArticles(siteCorpus())).map((f) => [f.path, f.body]));
  return cached;
}

/** The names of the index files under a folder (`t` or `d`), without `.json`, for getStaticPaths. */
export function searchFileNames(folder: 't' | 'd'): string[] {
  return [...siteSearchFiles().keys()]
    .filter((p) => p.startsWith(`${folder}/`))
    .map((p) => p.slice(folder.length + 1, -'.json'.length));
}
