// @gazette/core/node: Node-only helpers (files, standard input). The rest of the core stays runtime-agnostic.
export { readArticleFile, readStdin, readTextInput } from './read-article-file';
