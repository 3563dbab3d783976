import { keyHelpText } from './ui/key-help';

export const HELP_TEXT = `gazette: read, search and browse news articles

Usage:
  gazette                                                   open the interactive UI (in a terminal)
  gazette parse FILE [--format auto|text|html|feed|json|ndjson|markdown] --json
                                                            print a page's Article, or a feed's, JSON's or NDJSON's
                                                            Articles as an array (even of one); - reads stdin
  gazette ingest PATH_OR_URL... [--db PATH] [--format F] [--full [--full-deadline S]] [--map FIELD=NAME,...] [--json]
                                                            read files, folders, URLs and feeds into the store
  gazette follow URL... [--db PATH] [--full] [--every DURATION] [--json]
                                                            follow feeds (RSS, Atom, JSON Feed), or pages naming one
  gazette sources [--db PATH] [--json]                      the followed feeds: last success, errors, items/day, next poll
  gazette unfollow URL_OR_ID... [--db PATH]                 stop following (the articles stay)
  gazette watch [--db PATH] [--once] [--site DIR [--site-every D] [--site-build CMD]] [--json]
                                                            poll followed feeds as they fall due and store what is new;
                                                            --once polls every one now and exits with the summary
  gazette alert add QUERY [--webhook URL] [--db PATH]       a saved search: watch POSTs its new matches (signed)
  gazette alerts [--db PATH] [--json]                       the alerts, and deliveries waiting or given up
  gazette alert rm ID... [--db PATH]                        remove alerts
  gazette export [--format ndjson|json] [--db PATH]         write the store's articles to standard output
  gazette migrate --db URL [--json]                          apply a PostgreSQL store's schema migrations (forward only;
                                                            SQLite stores migrate themselves)
  gazette list [--limit N] [--sort newest|oldest] [--cursor C] [--json]
  gazette show ID_OR_SLUG [--json]                          print one article
  gazette search QUERY [--limit N] [--sort relevance|newest|oldest] [--cursor C] [--json]
  gazette entities [PREFIX] [--type person|organization|place|other] [--sort mentions|articles|name]
                   [--limit N] [--cursor C] [--json]        people, organisations and places by mentions
  gazette quotes [WORDS] [--speaker NAME_OR_ID] [--article ID_OR_SLUG] [--limit N] [--cursor C] [--json]
                                                            quotations and who said them
  gazette --help | --version

Options:
  --json        machine-readable output (the same shapes as the API)
  --api URL     read from a Gazette API (e.g. http://localhost:8787) instead of the local corpus;
                works with the UI and with list, show, search, entities and quotes (15 s, 64 MB a reply)
  --db PATH     use an article store instead of the built-in corpus (ingest, export, follow, sources,
                unfollow and watch: default ./gazette.db); a SQLite file, or a postgres:// URL
  --segments DIR  where the index segments of a postgres:// store are kept (default GAZETTE_SEGMENTS, else
                ~/.cache/gazette/segments/<store id>); a SQLite file's are always beside it, PATH.segments/
  --full        ingest, follow: fetch each feed item's page and extract it, instead of keeping the feed's text
                (follow: robots.txt is obeyed)
  --full-deadline S  ingest --full: stop fetching item pages after S seconds in all (default 120);
                a page not fetched by then keeps the feed's text and is reported
  --every D     follow: poll at this interval (90s, 15m, 2h, 1d) instead of the one learnt from the feed;
                never sooner than the feed's own ttl or Cache-Control allows
  --site DIR    watch: keep the static site at DIR built from the store (rebuilt when the store changed,
                swapped in whole: DIR is a link to the current build beside it)
  --site-every D  watch --site: rebuild at most this often, 1m to 1d (default 10m)
  --site-build CMD  watch --site: the shell command that builds the site for GAZETTE_DB into GAZETTE_SITE_OUT
                (default: the site's own build in this Gazette checkout)
  --map F=N,... ingest JSON/NDJSON: read model field F from the source's field N (e.g. body=content)
  --limit N     page size, 1 to 100 (default 20)

Environment:
  GAZETTE_DB=PATH         the article store (a SQLite file, or a postgres:// URL) to use, as --db does
  GAZETTE_SEGMENTS=DIR    where a postgres:// store's index segments are kept, as --segments does
  GAZETTE_SNAPSHOT=FILE   read a corpus snapshot file (corpus.toSnapshot(), or export --format json) instead of the built-in corpus
  NO_COLOR=1              no colours in the UI (bold, underline and inverse still mark things)
  BROWSER=COMMAND         what \`o\` in the reader opens URLs with (default: xdg-open / open)

Keys in the UI (? shows them too):
${keyHelpText()}

Article text is made safe before it is shown: escape sequences, control characters and bidi overrides
never reach the terminal. The UI gives the terminal back on quit, Ctrl-C and errors.

Errors go to standard error; the exit code is 1 for bad input, 2 for a wrong command line.
`;
