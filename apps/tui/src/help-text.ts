export const HELP_TEXT = `gazette: read, search and browse news articles

Usage:
  gazette parse FILE [--format auto|text|markdown] --json   print the Article for a file (- reads standard input)
  gazette list [--limit N] [--sort newest|oldest] [--cursor C] [--json]
  gazette show ID_OR_SLUG [--json]                          print one article
  gazette search QUERY [--limit N] [--sort relevance|newest|oldest] [--cursor C] [--json]
  gazette --help | --version

Options:
  --json        machine-readable output (the same shapes as the API)
  --db PATH     use an article store instead of the built-in corpus
  --limit N     page size, 1 to 100 (default 20)

Errors go to standard error; the exit code is 1 for bad input, 2 for a wrong command line.
`;
